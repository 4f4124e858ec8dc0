package org.newsroom.notify.newsletter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EditionPublished;
import org.newsroom.notify.DeliveryRows;
import org.newsroom.notify.MailSinkResource;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.MailSink;

/**
 * The sender played by hand (the scheduled sender is off). Two replicas on one instance: the first claims an
 * edition's rows and sends them throttled, two a second, so its batch outlives its one-second lease; the second claims
 * the rows whose lease ran out and sends them. Every reader still gets the edition exactly once. And a row whose
 * reader paused after it was written is not mailed.
 */
@QuarkusTest
@TestProfile(DeliveryLeaseTest.ShortLeaseSlowSends.class)
class DeliveryLeaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int READERS = 6;

    public static class ShortLeaseSlowSends implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.notify.send-interval",
                    "off",
                    "newsroom.notify.lease",
                    "1s",
                    "newsroom.notify.send-rate",
                    "2",
                    "newsroom.notify.send-concurrency",
                    "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MailSinkResource.class));
        }
    }

    @Inject
    DeliverySender sender;

    MailSink mail;

    @Test
    void rowsClaimedAgainAfterTheirLeaseRanOutAreMailedByTheNewClaimerOnly() throws Exception {
        EditionPublished edition = DeliveryRows.edition("Morning Edition");
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add("lease-" + i + "-" + UUID.randomUUID() + "@example.org");
        }
        QuarkusTransaction.requiringNew().run(() -> due(edition, readers));

        CompletableFuture<Void> first = CompletableFuture.runAsync(sender::sendDue);
        // The first has claimed them all once its first email is out; only then may the second claim.
        await().atMost(TIMEOUT)
                .until(() -> readers.stream()
                        .anyMatch(reader -> !mail.messages(MailSink.to(reader, edition.title()))
                                .isEmpty()));
        List<ClaimedDelivery.EditionDue> claimedAgain = await().atMost(TIMEOUT)
                .until(() -> QuarkusTransaction.requiringNew().call(sender::claimEditions), rows -> !rows.isEmpty());
        claimedAgain.forEach(sender::send);
        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        for (String reader : readers) {
            assertEquals(1, mail.messages(MailSink.to(reader, edition.title())).size(), "one email for " + reader);
        }
        assertEquals(
                List.of("SENT"),
                QuarkusTransaction.requiringNew()
                        .call(() -> Subscriber.getEntityManager()
                                .createNativeQuery("SELECT DISTINCT status FROM delivery WHERE edition_id = ?1")
                                .setParameter(1, edition.editionId())
                                .getResultList()));
    }

    /**
     * A reader who pauses after the fan-out wrote their row is not mailed when the row comes due (counted suppressed);
     * the sentinel beside them, in the same batch, is.
     */
    @Test
    void aDeliveryQueuedBeforeItsReaderPausedIsNotMailed() {
        EditionPublished edition = DeliveryRows.edition("Paused Edition");
        String paused = "paused-" + UUID.randomUUID() + "@example.org";
        String sentinel = "paused-sentinel-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            due(edition, List.of(paused, sentinel));
            Subscriber.getEntityManager()
                    .createNativeQuery("UPDATE subscriber SET paused = true WHERE email = ?1")
                    .setParameter(1, paused)
                    .executeUpdate();
        });

        sender.sendDue();

        mail.await(MailSink.to(sentinel, edition.title()), TIMEOUT);
        assertEquals(List.of(), mail.messages(MailSink.to(paused, edition.title())));
        assertEquals(
                "SUPPRESSED",
                QuarkusTransaction.requiringNew()
                        .call(() -> Subscriber.getEntityManager()
                                .createNativeQuery("SELECT d.status FROM delivery d JOIN subscriber s"
                                        + " ON s.id = d.subscriber_id WHERE s.email = ?1 AND d.edition_id = ?2")
                                .setParameter(1, paused)
                                .setParameter(2, edition.editionId())
                                .getSingleResult()));
    }

    private static void due(EditionPublished edition, List<String> readers) {
        DeliveryRows.editionNotice(edition);
        for (String reader : readers) {
            UUID subscriber = UUID.randomUUID();
            DeliveryRows.activeReader(subscriber, reader);
            DeliveryRows.editionDelivery(subscriber, edition.editionId(), "PENDING", "now()");
        }
    }
}
