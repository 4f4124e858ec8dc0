package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where readers find a publication ({@code newsroom.public-base-url}). */
@ApplicationScoped
public class PublicUrls {

    private final String baseUrl;

    public PublicUrls(@ConfigProperty(name = "newsroom.public-base-url") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
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
