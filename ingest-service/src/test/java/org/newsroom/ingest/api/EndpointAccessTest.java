package org.newsroom.ingest.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.newsroom.testing.EndpointAccessContract;

/** Nothing in ingest is public; a partner's push takes that partner's key and no bearer token (README, "Security"). */
@QuarkusTest
class EndpointAccessTest extends EndpointAccessContract {
    @Override
    protected Set<String> publicOperations() {
        return Set.of();
    }

    @Override
    protected Set<String> keyedOperations() {
        return Set.of("POST /api/partners/{partner}/items");
    }
}
