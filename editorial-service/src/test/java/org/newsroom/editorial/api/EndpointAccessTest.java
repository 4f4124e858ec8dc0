package org.newsroom.editorial.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.newsroom.testing.EndpointAccessContract;

/**
 * Readers' grades and letters are the only doors of the API open without a token (README, "Security"); the desk's
 * sign-in page, its sign-in and sign-out forms and its way to the identity provider are how a browser gets and drops its session, and the readers'
 * stylesheet is what the desk's preview of an edition page links.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccessContract {
    @Override
    protected Set<String> publicOperations() {
        return Set.of(
                "POST /api/feedback/grades",
                "POST /api/feedback/letters",
                "GET /desk/session/login",
                "POST /desk/session/dev",
                "GET /desk/session/oidc",
                "POST /desk/session/logout",
                "GET /assets/{name}");
    }
}
