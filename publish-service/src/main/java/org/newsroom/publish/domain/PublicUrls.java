package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroom.theme.Theme;

/**
 * Where readers find a publication: the site's address ({@code newsroom.site.url}, {@code NEWSROOM_PUBLIC_BASE_URL}),
 * from which the absolute URLs of pages, API, feeds and events are built.
 */
@ApplicationScoped
public class PublicUrls {

    private final String baseUrl;

    public PublicUrls(Theme.Site site) {
        this.baseUrl = site.url().replaceAll("/+$", "");
    }

    public String story(String slug) {
        return baseUrl + "/stories/" + slug;
    }

    public String edition(String slug) {
        return baseUrl + "/editions/" + slug;
    }

    /** An absolute URL of this site, e.g. {@code site("/feeds/rss.xml")}. */
    public String site(String path) {
        return baseUrl + path;
    }
}
