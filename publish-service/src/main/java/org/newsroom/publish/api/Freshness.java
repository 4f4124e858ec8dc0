package org.newsroom.publish.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.newsroom.theme.ThemeAssets;

/**
 * HTTP caching for public resources: an ETag and Last-Modified on every answer, and 304 Not Modified for a client
 * (browser, feed reader, CDN) that already holds the current version, so polling feed readers cost almost nothing.
 */
final class Freshness {
    private static final int MAX_AGE_SECONDS = 60;

    private Freshness() {}

    /**
     * @param version a string that changes whenever the content does; the release's stylesheet, which pages name, is
     *     added here
     */
    static Response respond(
            Request request, String version, Instant lastModified, Supplier<Response.ResponseBuilder> body) {
        EntityTag tag = tag(version, ThemeAssets.stylesheetName());
        Date modified = Date.from(lastModified);
        Response.ResponseBuilder builder = request.evaluatePreconditions(modified, tag);
        if (builder == null) {
            builder = body.get();
        }
        return builder.tag(tag)
                .lastModified(modified)
                .cacheControl(cacheControl())
                .build();
    }

    static EntityTag tag(String version, String stylesheet) {
        return new EntityTag(digest(version + "|" + stylesheet));
    }

    private static String digest(String version) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static CacheControl cacheControl() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return cache;
    }
}
