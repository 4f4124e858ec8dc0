package org.newsroom.editorial.api;

import io.quarkus.test.junit.QuarkusTest;
import org.newsroom.testing.BearerTokenContract;

@QuarkusTest
class BearerTokensTest extends BearerTokenContract {
    @Override
    protected String protectedPath() {
        return "/api/stories?limit=1";
    }

    @Override
    protected String role() {
        return "editor";
    }
}
