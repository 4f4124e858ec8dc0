package org.newsroom.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under {@code @QuarkusTest}: health, metrics, the OpenAPI document and
 * Swagger UI are served there, on their own port, and not on the public port REST Assured points at. Tests ask for
 * port 0 ({@code %test.quarkus.management.test-port=0}); Quarkus publishes the port it bound under the same key.
 * Use: {@code given().baseUri(ManagementPort.url()).get("/q/metrics")}.
 */
public final class ManagementPort {

    private ManagementPort() {}

    /** The port the running test application's management interface listens on. */
    public static int port() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        if (port <= 0) {
            throw new IllegalStateException("the management interface is not listening (test-port " + port + ")");
        }
        return port;
    }

    /** Its base URL, without the {@code /q} root: {@code http://localhost:<port>}. */
    public static String url() {
        return "http://localhost:" + port();
    }
}
