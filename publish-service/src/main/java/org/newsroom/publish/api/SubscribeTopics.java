package org.newsroom.publish.api;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublishSettings;
import org.newsroom.publish.domain.Sections;

/**
 * The topics every page's subscribe box offers (the theme's {@code topics}): the site's busiest sections, by name.
 * Given to every template this service renders; read again at most every {@link PublishSettings#topicsRefresh()},
 * since every page shows them.
 */
@ApplicationScoped
public class SubscribeTopics implements TemplateInstance.Initializer {
    /** Enough choice for a box on every page; the preferences page can name any other. */
    static final int TOPICS = 8;

    @Inject
    PublishSettings settings;

    public record Topic(String slug, String name) {}

    private record Read(List<Topic> topics, Instant at) {}

    private volatile Read last = new Read(List.of(), Instant.EPOCH);

    /** Qute (3.33) applies the initializers its engine was built with, not every bean of the kind. */
    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        instance.data("topics", topics());
    }

    List<Topic> topics() {
        Read read = last;
        if (!read.at().plus(settings.topicsRefresh()).isAfter(Instant.now())) {
            read = new Read(
                    Publication.busiestSections(TOPICS).stream()
                            .map(name -> new Topic(Sections.key(name), name))
                            .sorted(Comparator.comparing(Topic::name, String.CASE_INSENSITIVE_ORDER))
                            .toList(),
                    Instant.now());
            last = read;
        }
        return read.topics();
    }
}
