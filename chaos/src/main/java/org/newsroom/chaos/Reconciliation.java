package org.newsroom.chaos;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.Pipeline;

/**
 * Every stage of one phase against what was put in: items (ingest's database) against accepted pushes, stories
 * (editorial's) against items, publications (publish's) against approved stories, publication events (the topic)
 * against publications, emails (the SMTP server) against readers × publications and the edition, webhook calls
 * against publication events, dead letters (their topics) by reason.
 */
final class Reconciliation {
    private static final String PUBLISHED = "news.publication.published.v1";
    private static final String EDITION_PUBLISHED = "news.edition.published.v1";

    private final Store store;
    private final Ledger ledger;
    private final MailSink mail;
    private final WebhookReceiver webhooks;
    private final List<String> readers;

    Reconciliation(Store store, Ledger ledger, MailSink mail, WebhookReceiver webhooks, List<String> readers) {
        this.store = store;
        this.ledger = ledger;
        this.mail = mail;
        this.webhooks = webhooks;
        this.readers = readers;
    }

    /** What one phase lost, did twice and dead-lettered, by stage; {@code lost} empty means converged. */
    record Tally(
            Map<String, Long> lost,
            Map<String, Long> duplicated,
            Map<String, Long> resent,
            Map<String, Long> deadLettered,
            long validDeadLettered,
            Set<String> validReasons,
            long misorderedStories,
            long storiesOnWebhooks,
            long publishedStories) {

        long lost(String stage) {
            return lost.getOrDefault(stage, 0L);
        }

        long duplicated(String stage) {
            return duplicated.getOrDefault(stage, 0L);
        }

        boolean converged() {
            return lost.values().stream().allMatch(n -> n == 0);
        }
    }

    Tally of(Phase phase) throws SQLException {
        Map<String, Long> lost = new LinkedHashMap<>();
        Map<String, Long> duplicated = new LinkedHashMap<>();
        Map<String, Long> resent = new LinkedHashMap<>();

        Map<String, String> items = new HashMap<>();
        for (String[] row : store.rows(
                Pipeline.INGEST,
                "SELECT external_id, id::text FROM item WHERE source IN (?, ?) AND external_id LIKE ?",
                Desk.PARTNER,
                Desk.FEED,
                phase.uriPattern())) {
            items.put(row[0], row[1]);
        }
        lost.put(
                "items",
                phase.accepted.keySet().stream()
                                .filter(uri -> !items.containsKey(uri))
                                .count()
                        + phase.fed.stream()
                                .filter(uri -> !items.containsKey(uri))
                                .count());

        Map<String, Long> storiesPerItem = new HashMap<>();
        for (String[] row : store.rows(
                Pipeline.EDITORIAL,
                "SELECT item_id::text, count(*) FROM story WHERE headline LIKE ? GROUP BY item_id",
                phase.headlinePattern())) {
            storiesPerItem.put(row[0], Long.parseLong(row[1]));
        }
        // An accepted item whose event the relay parked (too large for the broker) cannot become a story; it is
        // reported as parked, not lost.
        String parkedItem = phase.oversizedUri == null ? null : items.get(phase.oversizedUri);
        lost.put(
                "stories",
                items.values().stream()
                        .filter(id -> !storiesPerItem.containsKey(id) && !id.equals(parkedItem))
                        .count());
        duplicated.put(
                "stories",
                storiesPerItem.values().stream().mapToLong(n -> n - 1).sum());

        Set<String> approved = new HashSet<>(phase.approved);
        Set<String> killed = new HashSet<>();
        for (String[] row : store.rows(
                Pipeline.EDITORIAL,
                "SELECT id::text, status FROM story WHERE headline LIKE ?"
                        + " AND status IN ('APPROVED', 'PUBLISHED', 'CORRECTED', 'KILLED')",
                phase.headlinePattern())) {
            approved.add(row[0]);
            if (row[1].equals("KILLED")) {
                killed.add(row[0]);
            }
        }
        Map<String, Long> publicationsPerStory = new HashMap<>();
        Map<String, String> publicationOfStory = new HashMap<>();
        Map<String, String> headlineOfStory = new HashMap<>();
        for (String[] row : store.rows(
                Pipeline.PUBLISH,
                "SELECT story_id::text, id::text, headline FROM publication WHERE headline LIKE ?",
                phase.headlinePattern())) {
            publicationsPerStory.merge(row[0], 1L, Long::sum);
            publicationOfStory.put(row[0], row[1]);
            headlineOfStory.put(row[0], row[2]);
        }
        lost.put(
                "publications",
                approved.stream()
                        .filter(id -> !publicationsPerStory.containsKey(id))
                        .count());
        duplicated.put(
                "publications",
                publicationsPerStory.values().stream().mapToLong(n -> n - 1).sum());

        Set<String> keys = new HashSet<>(publicationOfStory.values());
        if (phase.editionId != null) {
            keys.add(phase.editionId);
        }
        List<Ledger.PublicationEvent> events = ledger.publications().stream()
                .filter(e -> e.key() != null && keys.contains(e.key()))
                .toList();
        Map<String, Set<String>> publishedIds = new HashMap<>();
        events.stream()
                .filter(e -> PUBLISHED.equals(e.type()))
                .forEach(e -> publishedIds
                        .computeIfAbsent(e.key(), k -> new HashSet<>())
                        .add(e.ceId()));
        lost.put(
                "publication events",
                publicationOfStory.values().stream()
                        .filter(id -> !publishedIds.containsKey(id))
                        .count());
        duplicated.put(
                "publication events",
                publishedIds.values().stream().mapToLong(ids -> ids.size() - 1).sum());
        resent.put(
                "publication events",
                events.size()
                        - events.stream()
                                .map(Ledger.PublicationEvent::ceId)
                                .distinct()
                                .count());
        if (phase.editionId != null) {
            expectEdition(phase.editionId, lost, duplicated, events);
        }
        expectEvent(
                lost,
                "correction event",
                phase.correctedStory,
                "news.publication.updated.v1",
                publicationOfStory,
                events);
        expectEvent(
                lost,
                "retraction event",
                phase.killedStory,
                "news.publication.retracted.v1",
                publicationOfStory,
                events);

        Map<String, Long> mails = mail.messages().stream()
                .filter(m -> m.subject() != null)
                .flatMap(m -> m.to().stream().map(to -> to.toLowerCase() + "\n" + m.subject()))
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        long alertsLost = 0;
        long alertsTwice = 0;
        for (Map.Entry<String, String> story : headlineOfStory.entrySet()) {
            for (String reader : readers) {
                long n = mails.getOrDefault(reader + "\n" + story.getValue(), 0L);
                // A kill may cancel the story's pending alerts: a missing one is not lost.
                alertsLost += n == 0 && !killed.contains(story.getKey()) ? 1 : 0;
                alertsTwice += Math.max(0, n - 1);
            }
        }
        lost.put("alert emails", alertsLost);
        duplicated.put("alert emails", alertsTwice);
        if (phase.editionTitle != null) {
            long editionLost = 0;
            long editionTwice = 0;
            for (String reader : readers) {
                long n = mails.getOrDefault(reader + "\n" + phase.editionTitle, 0L);
                editionLost += n == 0 ? 1 : 0;
                editionTwice += Math.max(0, n - 1);
            }
            lost.put("edition emails", editionLost);
            duplicated.put("edition emails", editionTwice);
        }

        Set<String> eventIds =
                events.stream().map(Ledger.PublicationEvent::ceId).collect(Collectors.toSet());
        lost.put(
                "webhook calls",
                eventIds.stream().filter(id -> webhooks.calls(id) == 0).count());
        duplicated.put(
                "webhook calls",
                eventIds.stream()
                        .mapToLong(id -> Math.max(0, webhooks.calls(id) - 1))
                        .sum());

        long misordered = webhooks.misordered(publicationOfStory.values());

        Map<String, Long> deadLettered = new TreeMap<>();
        long valid = 0;
        Set<String> validReasons = new TreeSet<>();
        for (Ledger.DeadLetter letter : ledger.deadLetters()) {
            if (phase.covers(letter.at())) {
                deadLettered.merge((letter.poison() ? "poison" : "VALID") + " on " + letter.topic(), 1L, Long::sum);
                if (!letter.poison()) {
                    validReasons.add(letter.topic() + " " + letter.ceType() + ": " + firstLine(letter.reason()));
                }
                valid += letter.poison() ? 0 : 1;
            }
        }
        return new Tally(
                lost,
                duplicated,
                resent,
                deadLettered,
                valid,
                validReasons,
                misordered,
                webhooks.published(publicationOfStory.values()),
                publicationOfStory.size());
    }

    private static String firstLine(String text) {
        return text == null ? "(no reason)" : text.lines().findFirst().orElse("");
    }

    /**
     * The edition published exactly once: its row in publish's database PUBLISHED, one
     * {@code news.edition.published.v1} (by {@code ce_id}; a re-sent record with the same id is counted apart).
     */
    private void expectEdition(
            String editionId,
            Map<String, Long> lost,
            Map<String, Long> duplicated,
            List<Ledger.PublicationEvent> events)
            throws SQLException {
        List<String[]> rows = store.rows(Pipeline.PUBLISH, "SELECT status FROM edition WHERE id = ?::uuid", editionId);
        lost.put("edition", rows.stream().anyMatch(row -> row[0].equals("PUBLISHED")) ? 0L : 1L);
        long published = events.stream()
                .filter(e -> EDITION_PUBLISHED.equals(e.type()) && editionId.equals(e.key()))
                .map(Ledger.PublicationEvent::ceId)
                .distinct()
                .count();
        lost.put("edition event", published == 0 ? 1L : 0L);
        duplicated.put("edition event", Math.max(0, published - 1));
    }

    private static void expectEvent(
            Map<String, Long> lost,
            String stage,
            String story,
            String type,
            Map<String, String> publicationOfStory,
            List<Ledger.PublicationEvent> events) {
        if (story == null) {
            return;
        }
        String publication = publicationOfStory.get(story);
        lost.put(
                stage,
                events.stream().anyMatch(e -> type.equals(e.type()) && e.key().equals(publication)) ? 0L : 1L);
    }
}
