package org.newsroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs RS256 bearer tokens with the test-only key pair ({@code jwt/test-private.pem}); services under test verify
 * them with {@code jwt/test-public.pem}. {@link #claims} builds the tokens a service must refuse.
 */
public final class TestTokens {
    public static final String ISSUER = "https://newsroom.local";
    public static final String PUBLIC_KEY_RESOURCE = "jwt/test-public.pem";
    /** Each service accepts only tokens naming it; a test token names every service that takes tokens. */
    public static final List<String> AUDIENCES = List.of("newsroom-ingest", "newsroom-editorial", "newsroom-notify");

    private TestTokens() {}

    public static String token(String subject, String... roles) {
        return claims(subject, roles).signed();
    }

    /** A valid token's claims, to be spoilt one at a time. */
    public static Claims claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new Claims(ISSUER, subject, List.of(roles), AUDIENCES, now, now.plus(Duration.ofHours(1)), null);
    }

    /** The PEM text of the public key, for a service started as a separate process. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    public record Claims(
            String issuer,
            String subject,
            List<String> roles,
            List<String> audiences,
            Instant issuedAt,
            Instant expiresAt,
            Instant notBefore) {

        public Claims issuer(String value) {
            return new Claims(value, subject, roles, audiences, issuedAt, expiresAt, notBefore);
        }

        public Claims audiences(String... values) {
            return new Claims(issuer, subject, roles, List.of(values), issuedAt, expiresAt, notBefore);
        }

        public Claims issuedAt(Instant value) {
            return new Claims(issuer, subject, roles, audiences, value, expiresAt, notBefore);
        }

        public Claims expiresAt(Instant value) {
            return new Claims(issuer, subject, roles, audiences, issuedAt, value, notBefore);
        }

        public Claims notBefore(Instant value) {
            return new Claims(issuer, subject, roles, audiences, issuedAt, expiresAt, value);
        }

        /** RS256 with the test key: what the services under test accept (unless the claims are spoilt). */
        public String signed() {
            return signedWith(testPrivateKey());
        }

        /** RS256 with some other key. */
        public String signedWith(PrivateKey key) {
            String input = signingInput("RS256");
            return input + "." + base64Url(rs256(input, key));
        }

        /** {@code alg: none}, no signature at all. */
        public String unsigned() {
            return signingInput("none") + ".";
        }

        /** HS256 keyed with the bytes of the verifier's public key: the classic algorithm-confusion forgery. */
        public String hs256WithThePublicKey() {
            String input = signingInput("HS256");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return input + "." + base64Url(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private String signingInput(String algorithm) {
            String header = "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}";
            StringBuilder json = new StringBuilder("{\"iss\":")
                    .append(quoted(issuer))
                    .append(",\"sub\":")
                    .append(quoted(subject))
                    .append(",\"upn\":")
                    .append(quoted(subject))
                    .append(",\"groups\":")
                    .append(array(roles))
                    .append(",\"aud\":")
                    .append(array(audiences))
                    .append(",\"iat\":")
                    .append(issuedAt.getEpochSecond())
                    .append(",\"exp\":")
                    .append(expiresAt.getEpochSecond());
            if (notBefore != null) {
                json.append(",\"nbf\":").append(notBefore.getEpochSecond());
            }
            json.append('}');
            return base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(json.toString().getBytes(StandardCharsets.UTF_8));
        }

        private static String array(List<String> values) {
            return values.stream().map(Claims::quoted).collect(Collectors.joining(",", "[", "]"));
        }

        private static String quoted(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    private static byte[] rs256(String input, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testPrivateKey() {
        String pem = resource("jwt/test-private.pem")
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
