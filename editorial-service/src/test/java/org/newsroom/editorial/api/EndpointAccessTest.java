package org.newsroom.editorial.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.newsroom.testing.EndpointAccessContract;

/**
 * Readers' grades and letters are the only doors open without a token (README, "Security"), besides the readers'
 * stylesheet, which the desk's preview of an edition page links.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccessContract {
    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /api/feedback/grades", "POST /api/feedback/letters", "GET /assets/{name}");
    }
}
