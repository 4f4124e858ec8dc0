package org.newsroom.notify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.newsroom.testing.MailSink;

/** A real SMTP server for the test run; the service sends to it and tests read it through a {@code MailSink} field. */
public class MailSinkResource implements QuarkusTestResourceLifecycleManager {
    private MailSink sink;

    @Override
    public Map<String, String> start() {
        sink = MailSink.start();
        return Map.of("quarkus.mailer.host", sink.host(), "quarkus.mailer.port", String.valueOf(sink.port()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sink, new TestInjector.MatchesType(MailSink.class));
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.stop();
        }
    }
}
