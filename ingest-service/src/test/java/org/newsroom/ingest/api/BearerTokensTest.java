package org.newsroom.ingest.api;

import io.quarkus.test.junit.QuarkusTest;
import org.newsroom.testing.BearerTokenContract;

@QuarkusTest
class BearerTokensTest extends BearerTokenContract {
    @Override
    protected String protectedPath() {
        return "/api/sources";
    }

    @Override
    protected String role() {
        return "ingest-admin";
    }
}
