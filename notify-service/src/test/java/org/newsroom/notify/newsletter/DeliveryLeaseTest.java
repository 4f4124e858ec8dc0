package org.newsroom.notify.newsletter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.MailSinkResource;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.MailSink;

/**
 * Two replicas, played by hand on one instance (the scheduled sender is off): the first claims an edition's rows and
 * sends them throttled, two a second, so its batch outlives its one-second lease; the second claims the rows whose
 * lease ran out and sends them. Every reader still gets the edition exactly once.
 */
@QuarkusTest
@TestProfile(DeliveryLeaseTest.ShortLeaseSlowSends.class)
class DeliveryLeaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int READERS = 6;

    public static class ShortLeaseSlowSends implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.notify.send-interval", "off",
                    "newsroom.notify.lease", "1s",
                    "newsroom.notify.send-rate", "2",
                    "newsroom.notify.send-concurrency", "1");
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
        EditionPublished edition = edition();
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add("lease-" + i + "-" + UUID.randomUUID() + "@example.org");
        }
        QuarkusTransaction.requiringNew().run(() -> due(edition, readers));

        CompletableFuture<Void> first = CompletableFuture.runAsync(sender::sendDue);
        // The first has claimed them all once its first email is out; only then may the second claim.
        await().atMost(TIMEOUT).until(() -> readers.stream()
                .anyMatch(reader -> !mail.messages(MailSink.to(reader, edition.title())).isEmpty()));
        List<ClaimedDelivery.EditionDue> claimedAgain = await().atMost(TIMEOUT)
                .until(() -> QuarkusTransaction.requiringNew().call(sender::claimEditions), rows -> !rows.isEmpty());
        claimedAgain.forEach(sender::send);
        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        for (String reader : readers) {
            assertEquals(1, mail.messages(MailSink.to(reader, edition.title())).size(), "one email for " + reader);
        }
        assertEquals(List.of("SENT"), QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager()
                .createNativeQuery("SELECT DISTINCT status FROM delivery WHERE edition_id = ?1")
                .setParameter(1, edition.editionId()).getResultList()));
    }

    private static void due(EditionPublished edition, List<String> readers) {
        EntityManager em = Subscriber.getEntityManager();
        em.createNativeQuery("""
                INSERT INTO edition_notice (edition_id, url, title, sections, data, published_at, received_at)
                VALUES (?1, ?2, ?3, '', ?4, now(), now())""")
                .setParameter(1, edition.editionId()).setParameter(2, edition.url())
                .setParameter(3, edition.title()).setParameter(4, EventCodec.encode(edition)).executeUpdate();
        for (String reader : readers) {
            UUID subscriber = UUID.randomUUID();
            em.createNativeQuery("""
                    INSERT INTO subscriber (id, email, status, topics, created_at, confirmed_at)
                    VALUES (?1, ?2, 'ACTIVE', '', now(), now())""")
                    .setParameter(1, subscriber).setParameter(2, reader).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO delivery (id, subscriber_id, edition_id, channel, status, attempts, next_attempt_at,
                                          created_at)
                    VALUES (gen_random_uuid(), ?1, ?2, 'email', 'PENDING', 0, now(), now())""")
                    .setParameter(1, subscriber).setParameter(2, edition.editionId()).executeUpdate();
        }
    }

    private static EditionPublished edition() {
        UUID id = UUID.randomUUID();
        EditionLead lead = new EditionLead(UUID.randomUUID(), "Ferry strike ends", "Sailings resume at dawn.", null,
                new Attribution("Coast Courier", null), null);
        return new EditionPublished(id, "https://news.example/editions/" + id, "Morning Edition " + id,
                LocalDate.of(2026, 11, 27), lead, List.of(), List.of(), Instant.now());
    }
}
