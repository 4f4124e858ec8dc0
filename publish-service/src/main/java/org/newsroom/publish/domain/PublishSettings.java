package org.newsroom.publish.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Every setting of publish-service, read in one place ({@code newsroom.publish.*}, values in application.properties).
 * Those that ops set per deployment come from environment variables there, named in the README's configuration table.
 */
@ConfigMapping(prefix = "newsroom.publish")
public interface PublishSettings {

    /**
     * Where readers find the public site ({@code NEWSROOM_PUBLIC_BASE_URL}): the absolute URLs of the API, feeds and
     * events are built from it, and the pages' forms may post back to it.
     */
    String publicBaseUrl();

    /**
     * editorial-service's public feedback API ({@code NEWSROOM_FEEDBACK_URL}), where the article page's grade form
     * posts and its letters link points. An origin (scheme://host[:port]): it is also a CSP {@code form-action}
     * source, which with a path would match that path only.
     */
    String feedbackUrl();

    /** The site's name ({@code NEWSROOM_SITE_TITLE}) on every page and in the feeds' titles. */
    String siteTitle();

    /** How many of the newest publications (or editions) a feed lists. */
    int feedSize();

    /**
     * How often due embargoes and scheduled editions are published: at most this late. Read by
     * {@link PublishingSchedule}'s {@code @Scheduled} expression.
     */
    Duration scheduleInterval();
}
