package org.newsroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Signs RS256 bearer tokens with the test-only key pair ({@code jwt/test-private.pem}); services under test verify
 * them with {@code jwt/test-public.pem}.
 */
public final class TestTokens {
    public static final String ISSUER = "https://newsroom.local";
    public static final String PUBLIC_KEY_RESOURCE = "jwt/test-public.pem";
    /** Each service accepts only tokens naming it; a test token names every service that takes tokens. */
    public static final String AUDIENCES = "[\"newsroom-ingest\",\"newsroom-editorial\",\"newsroom-notify\"]";

    private TestTokens() {
    }

    public static String token(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        String groups = Stream.of(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":" + groups + ",\"aud\":" + AUDIENCES + ",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(signingInput));
    }

    /** The PEM text of the public key, for a service started as a separate process. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static byte[] sign(String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(input.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        String pem = resource("jwt/test-private.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
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
