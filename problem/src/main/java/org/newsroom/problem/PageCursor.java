package org.newsroom.problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort key and id of the last row of the previous page, handed to clients as an opaque
 * string. A deep page then costs what the first does, and a row arriving meanwhile neither repeats nor skips one.
 * The id breaks ties between rows with the same key.
 */
public record PageCursor(String key, UUID id) {
    /** The query parameter that carries a cursor, in every list endpoint. */
    public static final String PARAMETER = "after";

    private static final String NOT_A_CURSOR = "is not a cursor from " + KeysetPages.NEXT_CURSOR;

    public static PageCursor of(Instant key, UUID id) {
        return new PageCursor(key.toString(), id);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the cursor a client sent back, or {@code null} for the first page
     * @throws ProblemException 400 naming {@code after} if the text is not a cursor some page handed out
     */
    public static PageCursor fromQuery(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar < 0) {
                throw notACursor();
            }
            return new PageCursor(text.substring(0, bar), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The key of a list sorted by time. @throws ProblemException 400 naming {@code after} if it is not one */
    public Instant instantKey() {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    private static ProblemException notACursor() {
        return FieldProblems.invalid(PARAMETER, NOT_A_CURSOR);
    }
}
