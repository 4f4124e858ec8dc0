package org.newsroom.notify;

import io.quarkus.test.junit.QuarkusTest;
import org.newsroom.testing.BearerTokenContract;

@QuarkusTest
class BearerTokensTest extends BearerTokenContract {
    @Override
    protected String protectedPath() {
        return "/api/webhooks";
    }

    @Override
    protected String role() {
        return "admin";
    }
}
