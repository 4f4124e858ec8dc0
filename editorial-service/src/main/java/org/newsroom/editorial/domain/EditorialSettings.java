package org.newsroom.editorial.domain;

import io.smallrye.config.ConfigMapping;

/**
 * Every setting of editorial-service, read in one place ({@code newsroom.editorial.*}, values in
 * application.properties). Those that ops set per deployment come from environment variables there, named in the
 * README's configuration table.
 */
@ConfigMapping(prefix = "newsroom.editorial")
public interface EditorialSettings {

    /**
     * The public site ({@code NEWSROOM_PUBLIC_BASE_URL}, publish-service): a feedback form posted from one of its
     * pages is sent back there, and only there, so the redirect cannot be pointed elsewhere.
     */
    String publicSiteUrl();

    /**
     * publish-service's management interface ({@code NEWSROOM_PUBLISH_INTERNAL_URL}), internal to the cluster: it
     * renders the desk's preview of an edition's page through its own templates.
     */
    String publishInternalUrl();

    /**
     * notify-service's management interface ({@code NEWSROOM_NOTIFY_INTERNAL_URL}), internal to the cluster: it renders
     * the desk's preview of an edition's newsletter through its own templates.
     */
    String notifyInternalUrl();

    /** How much public feedback one client may send. */
    Feedback feedback();

    /**
     * Reader feedback limits, per client address and per replica (in memory): a client cannot flood the inbox, nor
     * move a story's average by itself.
     */
    interface Feedback {

        /** Grades and letters together a client may send in a minute ({@code NEWSROOM_FEEDBACK_RATE}). */
        int perClientPerMinute();

        /** Grades of one publication a client may give in a day ({@code NEWSROOM_GRADES_PER_PUBLICATION}). */
        int gradesPerPublicationPerDay();
    }
}
