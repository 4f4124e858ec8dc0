package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Where readers find a publication ({@link PublishSettings#publicBaseUrl()}). */
@ApplicationScoped
public class PublicUrls {

    private final String baseUrl;

    public PublicUrls(PublishSettings settings) {
        this.baseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
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
