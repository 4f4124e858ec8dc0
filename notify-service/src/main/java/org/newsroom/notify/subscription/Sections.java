package org.newsroom.notify.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics readers can choose: the site's sections, learned from the publications and editions notify consumes.
 * Learned rather than configured, so a section the desk opens tomorrow is offered as soon as it is published, and no
 * list kept by hand drifts from the site's (publish-service builds its subscribe box from the same sections).
 */
@ApplicationScoped
public class Sections {

    @Inject
    EntityManager entityManager;

    /** Records the sections of a publication or edition, in the consumer's transaction; the newest spelling wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(List<String> names) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            String key = name == null ? "" : Section.keyOf(name);
            if (key.isEmpty()) {
                continue;
            }
            entityManager
                    .createNativeQuery("""
                    INSERT INTO section (key, name, last_seen_at) VALUES (?1, ?2, ?3)
                    ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, last_seen_at = EXCLUDED.last_seen_at""")
                    .setParameter(1, key)
                    .setParameter(2, name.strip())
                    .setParameter(3, Instant.now())
                    .executeUpdate();
        }
    }

    /** A topic to offer: the section's key and name. */
    public record Topic(String slug, String name) {}

    /** Every section seen, by name. */
    @Transactional
    public List<Topic> all() {
        return Section.<Section>listAll().stream()
                .map(s -> new Topic(s.key, s.name))
                .sorted(Comparator.comparing(Topic::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * The site's sections and, after them, any topic the reader chose that no publication named yet (so they can
     * still see and drop it).
     */
    @Transactional
    public List<Topic> offeredTo(Subscriber subscriber) {
        Map<String, Topic> offered = new LinkedHashMap<>();
        all().forEach(topic -> offered.put(topic.slug(), topic));
        List<Topic> extra = new ArrayList<>();
        for (String topic : subscriber.topicList()) {
            if (!offered.containsKey(topic)) {
                extra.add(new Topic(topic, topic));
            }
        }
        List<Topic> topics = new ArrayList<>(offered.values());
        topics.addAll(extra);
        return topics;
    }
}
