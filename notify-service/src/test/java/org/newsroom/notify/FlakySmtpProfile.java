package org.newsroom.notify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The service mailing through {@link FlakySmtpServer} instead of the well-behaved sink, with room for
 * {@value #MAX_ATTEMPTS} attempts: more than the greylisted reader needs to get through the server's two 451s. A send
 * waits {@value #SEND_TIMEOUT} for the server's reply.
 */
public class FlakySmtpProfile implements QuarkusTestProfile {
    static final int MAX_ATTEMPTS = 5;
    static final String SEND_TIMEOUT = "2s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "newsroom.notify.max-attempts", String.valueOf(MAX_ATTEMPTS), "quarkus.mailer.timeout", SEND_TIMEOUT);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {
        private FlakySmtpServer server;

        @Override
        public Map<String, String> start() {
            server = FlakySmtpServer.start();
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server.port()));
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(server, new TestInjector.MatchesType(FlakySmtpServer.class));
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
