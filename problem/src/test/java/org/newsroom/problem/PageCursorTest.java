package org.newsroom.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorComesBackAsItWasHandedOut() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-05T02:00:00.123456Z");
        PageCursor cursor = PageCursor.fromQuery(PageCursor.of(at, id).encode());
        assertEquals(at, cursor.instantKey());
        assertEquals(id, cursor.id());
    }

    @Test
    void aKeyMayHoldTheSeparator() {
        UUID id = UUID.randomUUID();
        assertEquals(
                new PageCursor("Wire | Europe", id),
                PageCursor.fromQuery(new PageCursor("Wire | Europe", id).encode()));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(PageCursor.fromQuery(null));
        assertNull(PageCursor.fromQuery("  "));
    }

    @Test
    void anythingElseIsA400NamingAfter() {
        for (String text : List.of("%%%", encoded("no separator"), encoded("2026-12-05T02:00:00Z|not-a-uuid"))) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageCursor.fromQuery(text));
            assertEquals(400, e.problem().status());
            assertEquals("after", e.problem().errors().get(0).field());
        }
        PageCursor notTimed = PageCursor.fromQuery(new PageCursor("Reuters", UUID.randomUUID()).encode());
        assertEquals(
                400,
                assertThrows(ProblemException.class, notTimed::instantKey)
                        .problem()
                        .status());
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
