package org.newsroom.notify.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * A section of the site, as a topic readers can choose: its key is what subscribers' topics, the fan-out and the
 * subscribe box's checkboxes compare ("EU Politics" → {@code eu-politics}), its name how the site spells it.
 */
@Entity
public class Section extends PanacheEntityBase {
    /** Topics are at most this long ({@code Interests.PATTERN} in the API). */
    static final int MAX_KEY = 40;

    @Id
    public String key;

    public String name;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /**
     * Lower-case ASCII letters and digits, every other run of characters one dash, accents dropped: the slug
     * publish-service addresses the section by ({@code /sections/eu-politics}), so the site's subscribe box and
     * notify agree on it. Empty for a name with nothing slug-worthy in it.
     */
    public static String keyOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String key = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY).replaceAll("-+$", "");
    }
}
