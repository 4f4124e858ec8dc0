package org.newsroom.editorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The provider's access token that an OpenID Connect sign-in hands to the desk's cookie, and how long it has left:
 * the cookie lives exactly as long as the token the API would accept. Quarkus OIDC has verified it (signature,
 * issuer, expiry) by now; its expiry is read here only to size the cookie.
 */
record DeskAccessToken(String value, Instant expires) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static DeskAccessToken of(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("the OpenID Connect sign-in brought no access token");
        }
        return new DeskAccessToken(credential.getToken(), expiry(credential.getToken()));
    }

    Duration remainingLifetime() {
        Duration left = Duration.between(Instant.now(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("the provider's access token is not a JWT: the API could not verify it");
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims.get("exp");
            if (exp == null || !exp.canConvertToLong()) {
                throw new IllegalStateException("the provider's access token has no expiry (exp)");
            }
            return Instant.ofEpochSecond(exp.asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("the provider's access token's claims are not JSON", e);
        }
    }
}
