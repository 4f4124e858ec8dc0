package org.newsroom.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bearer tokens a service must refuse, each with 401 and a problem body: expired, not yet valid, too old (issued
 * longer ago than the service's maximum token age, though not expired), from another issuer, for another audience,
 * signed with another key, unsigned ({@code alg: none}) and HMAC-signed with the public key (algorithm confusion). A
 * valid token for the same endpoint gets through, so each refusal is the token's fault. A service's test extends this
 * class, annotated {@code @QuarkusTest}.
 */
public abstract class BearerTokenContract {
    /** Tokens issued longer ago than this are refused; every service sets this maximum age. */
    public static final Duration MAX_TOKEN_AGE = Duration.ofHours(12);

    /** A GET endpoint that needs {@link #role()}. */
    protected abstract String protectedPath();

    protected abstract String role();

    private TestTokens.Claims valid() {
        return TestTokens.claims("contract@newsroom.local", role());
    }

    @Test
    void aValidTokenGetsThrough() {
        given().auth()
                .oauth2(valid().signed())
                .when()
                .get(protectedPath())
                .then()
                .statusCode(allOf(not(equalTo(401)), not(equalTo(403))));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant now = Instant.now();
        refused(valid().issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofMinutes(10)))
                .signed());
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        refused(valid().notBefore(later)
                .issuedAt(later)
                .expiresAt(later.plus(Duration.ofHours(1)))
                .signed());
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedThoughNotExpired() {
        Instant now = Instant.now();
        refused(valid().issuedAt(now.minus(MAX_TOKEN_AGE).minus(Duration.ofHours(1)))
                .expiresAt(now.plus(Duration.ofHours(1)))
                .signed());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(valid().issuer("https://attacker.example").signed());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(valid().audiences("newsroom-elsewhere").signed());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey strangersKey = generator.generateKeyPair().getPrivate();
        refused(valid().signedWith(strangersKey));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(valid().unsigned());
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() {
        refused(valid().hs256WithThePublicKey());
    }

    private void refused(String token) {
        given().auth()
                .oauth2(token)
                .when()
                .get(protectedPath())
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }
}
