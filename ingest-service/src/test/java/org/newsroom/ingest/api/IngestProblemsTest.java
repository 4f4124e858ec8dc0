package org.newsroom.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.ingest.domain.UnknownFeedException;
import org.newsroom.ingest.feed.FeedFetcher;
import org.newsroom.problem.Problem;

/** Refusals the HTTP tests cannot provoke on demand: a source deleted between a request's checks and its fetch. */
@QuarkusTest
class IngestProblemsTest {

    @Inject
    FeedFetcher fetcher;

    @Test
    void aFetchOfASourceThatIsGoneAnswersLikeAnyUnknownSource() {
        UUID gone = UUID.randomUUID();
        UnknownFeedException refused = assertThrows(UnknownFeedException.class, () -> fetcher.fetch(gone));
        Response answer = new IngestProblems().unknownFeed(refused);
        assertEquals(404, answer.getStatus());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        assertEquals(Problem.of(Response.Status.NOT_FOUND, "No source " + gone), answer.getEntity());
    }
}
