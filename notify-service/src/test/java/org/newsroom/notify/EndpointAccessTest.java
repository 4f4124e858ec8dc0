package org.newsroom.notify;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.newsroom.testing.EndpointAccessContract;

/**
 * Readers' subscription links are public (each acts only with a signed reader token, README "Security"), and so are
 * the site's subscribe form (rate-limited, answering the same to every address) and the theme's stylesheet; the mail
 * provider's suppression hook takes its shared secret and no token; webhooks and delivery statistics need admin.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccessContract {
    @Override
    protected Set<String> publicOperations() {
        return Set.of(
                "POST /api/subscriptions",
                "GET /api/subscriptions/confirm",
                "POST /api/subscriptions/confirm",
                "GET /api/subscriptions/unsubscribe",
                "POST /api/subscriptions/unsubscribe",
                "GET /api/subscriptions/preferences",
                "PUT /api/subscriptions/preferences",
                "POST /api/subscriptions/preferences",
                "POST /api/subscriptions/revoke",
                "POST /subscribe",
                "GET /assets/{name}");
    }

    @Override
    protected Set<String> keyedOperations() {
        return Set.of("POST /api/suppressions");
    }
}
