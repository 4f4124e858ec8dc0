package org.newsroom.publish.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Every setting of publish-service, read in one place ({@code newsroom.publish.*}, values in application.properties).
 * Those that ops set per deployment come from environment variables there, named in the README's configuration table.
 * The site's own name and address are the theme's ({@code newsroom.site.*}, {@link org.newsroom.theme.Theme.Site}),
 * which notify's pages share.
 */
@ConfigMapping(prefix = "newsroom.publish")
public interface PublishSettings {

    /**
     * editorial-service's public feedback API ({@code NEWSROOM_FEEDBACK_URL}), where the article page's grade form
     * posts and its letters link points. An origin (scheme://host[:port]): it is also a CSP {@code form-action}
     * source, which with a path would match that path only.
     */
    String feedbackUrl();

    /** How many of the newest publications (or editions) a feed lists. */
    int feedSize();

    /**
     * How often due embargoes and scheduled editions are published: at most this late. Read by
     * {@link PublishingSchedule}'s {@code @Scheduled} expression.
     */
    Duration scheduleInterval();

    /** How long the subscribe box's topics (the busiest sections) are reused before they are read again. */
    Duration topicsRefresh();
}
