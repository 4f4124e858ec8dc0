package org.newsroom.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A URL as the story's identity: tracking parameters (utm_*, fbclid, gclid…) and the fragment removed. */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "mc_cid",
            "mc_eid",
            "igshid",
            "yclid",
            "_ga",
            "_gl",
            "ocid",
            "cmpid",
            "ncid",
            "sr_share",
            "mkt_tok");

    private CanonicalUrl() {}

    public static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return url.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") && authority.endsWith(":80"))
                    || (scheme.equals("https") && authority.endsWith(":443"))) {
                authority = authority.substring(0, authority.lastIndexOf(':'));
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                        kept.add(pair);
                    }
                }
            }
            return scheme + "://" + authority + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }
}
