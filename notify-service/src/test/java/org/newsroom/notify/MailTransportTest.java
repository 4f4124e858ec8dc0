package org.newsroom.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.TimeoutException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsroom.notify.domain.MailTransport;
import org.newsroom.testing.MailSink;

/**
 * Many senders at once, each email on a new SMTP connection: every one is accepted, none waits out a timeout. Handed
 * to the mail client from the senders' own threads, about a quarter of these sends used to time out (a greeting
 * dropped before the client read it) and, once ten had, every later one too.
 */
@QuarkusTest
@TestProfile(MailTransportTest.NewConnectionPerEmail.class)
class MailTransportTest {
    private static final int EMAILS = 300;
    private static final int SENDERS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    public static class NewConnectionPerEmail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.keep-alive", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MailSinkResource.class));
        }
    }

    @Inject
    MailTransport transport;

    MailSink mail;

    @Test
    void concurrentSendsOnNewConnectionsAreAllAccepted() throws InterruptedException {
        String subject = "Concurrent " + UUID.randomUUID();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < EMAILS; i++) {
            Mail email = Mail.withText("reader-" + i + "@example.org", subject, "Edition " + i);
            sends.add(senders.submit(() -> transport.send(email).await().atMost(TIMEOUT)));
        }
        List<String> failures = new ArrayList<>();
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause().toString());
            }
        }
        senders.shutdown();
        assertEquals(List.of(), failures);
        assertEquals(EMAILS, mail.messages(m -> subject.equals(m.subject())).size());
    }

    @Test
    void aMailTheClientRefusesFailsItsSendAtOnce() {
        Mail noRecipient = new Mail().setSubject("Nobody").setText("To no one.");
        Throwable failure = assertThrows(
                RuntimeException.class,
                () -> transport.send(noRecipient).await().atMost(TIMEOUT));
        assertFalse(failure instanceof TimeoutException, "the reason, not a timeout: " + failure);
    }
}
