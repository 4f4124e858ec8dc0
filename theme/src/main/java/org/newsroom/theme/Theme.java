package org.newsroom.theme;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the layout needs to know about the site, for templates as {@code inject:theme}: its name, where its pages
 * are, where the subscribe form posts, and the stylesheet's current (fingerprinted) address.
 */
@ApplicationScoped
@Named("theme")
public class Theme {

    @ConfigMapping(prefix = "newsroom.site")
    public interface Site {
        String title();

        /** The public site (publish-service), without a trailing slash. */
        String url();

        /** Notify-service's public address, where the subscribe box posts. */
        String subscriptionsUrl();
    }

    @Inject
    Site site;

    public String title() {
        return site.title();
    }

    public String siteUrl() {
        return trimmed(site.url());
    }

    public String subscribeAction() {
        return trimmed(site.subscriptionsUrl()) + "/subscribe";
    }

    /** A path on whichever service renders the page: each serves the theme's assets itself. */
    public String stylesheet() {
        return ThemeAssets.PATH + "/" + ThemeAssets.stylesheetName();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
