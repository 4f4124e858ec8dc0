package org.newsroom.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Partner API keys: 256 random bits, shown once, stored only as a SHA-256 hash (a slow hash adds nothing for a key
 * of that entropy), compared in constant time.
 */
public final class PartnerKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartnerKeys() {}

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "nrk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return Sha256.hex(key);
    }

    public static boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
    }
}
