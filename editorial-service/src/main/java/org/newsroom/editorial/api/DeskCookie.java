package org.newsroom.editorial.api;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The desk's session: the editor's JWT in a cookie that scripts cannot read ({@code HttpOnly}) and that the browser
 * sends only with requests started on this site ({@code SameSite=Strict}), so that another site cannot act with it.
 * smallrye-jwt verifies it exactly as a bearer token (application.properties).
 */
final class DeskCookie {
    static final String NAME = "newsroom_desk";

    private DeskCookie() {}

    static NewCookie of(String token, Duration lifetime, boolean secure) {
        return builder(token, secure).maxAge((int) lifetime.toSeconds()).build();
    }

    static NewCookie cleared(boolean secure) {
        return builder("", secure).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
