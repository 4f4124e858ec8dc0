package org.newsroom.notify.domain;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed tokens for the links in emails (DESIGN §5): nothing is stored, an HMAC-SHA256 under
 * {@code newsroom.notify.token-secret} makes them unforgeable. Base64url without padding, so they go into a URL as
 * they are ({@code [A-Za-z0-9_-]+}).
 *
 * <ul>
 * <li>confirmation: purpose {@code C}, subscriber id, expiry; the MAC also covers the address.</li>
 * <li>subscription (unsubscribe and preferences): purpose {@code U}, subscriber id; the MAC covers the address, so a
 * token made for one address is worthless for any other. It does not expire: RFC 8058 links in old emails must
 * keep working.</li>
 * </ul>
 */
@ApplicationScoped
public class Tokens {
    private static final Logger LOG = Logger.getLogger(Tokens.class);
    /** The value in application.properties when NEWSROOM_NOTIFY_TOKEN_SECRET is not set: never for production. */
    public static final String DEV_SECRET = "dev-only-insecure-notify-token-secret-set-NEWSROOM_NOTIFY_TOKEN_SECRET";
    private static final byte CONFIRM = 'C';
    private static final byte SUBSCRIPTION = 'U';
    private static final int MAC_BYTES = 32;

    @ConfigProperty(name = "newsroom.notify.token-secret")
    String secret;

    @ConfigProperty(name = "newsroom.notify.confirm-token-ttl", defaultValue = "72h")
    Duration confirmTtl;

    Clock clock = Clock.systemUTC();

    void checkSecret(@Observes StartupEvent startup) {
        if (secret.length() < 32) {
            throw new IllegalStateException("newsroom.notify.token-secret (NEWSROOM_NOTIFY_TOKEN_SECRET) must be at "
                    + "least 32 characters");
        }
        if (DEV_SECRET.equals(secret)) {
            LOG.warn("newsroom.notify.token-secret is the built-in DEV-ONLY default: confirmation and unsubscribe "
                    + "links can be forged by anyone who reads the source. Set NEWSROOM_NOTIFY_TOKEN_SECRET.");
        }
    }

    /** What a presented token turned out to be. */
    public sealed interface Verdict {
        record Valid(UUID subscriberId) implements Verdict {
        }

        record Expired(UUID subscriberId) implements Verdict {
        }

        record Invalid() implements Verdict {
        }
    }

    public String confirmation(UUID subscriberId, String email) {
        return confirmation(subscriberId, email, clock.instant().plus(confirmTtl));
    }

    public String confirmation(UUID subscriberId, String email, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        ByteBuffer claims = ByteBuffer.allocate(1 + 16 + 8).put(CONFIRM).putLong(subscriberId.getMostSignificantBits())
                .putLong(subscriberId.getLeastSignificantBits()).putLong(expiry);
        return sign(claims.array(), email);
    }

    public String subscription(UUID subscriberId, String email) {
        ByteBuffer claims = ByteBuffer.allocate(1 + 16).put(SUBSCRIPTION)
                .putLong(subscriberId.getMostSignificantBits()).putLong(subscriberId.getLeastSignificantBits());
        return sign(claims.array(), email);
    }

    /** The subscriber a token claims to be for; only {@link #verify} says whether it really is. */
    public Optional<UUID> claimedSubscriber(String token, boolean confirmation) {
        return claims(token, confirmation ? CONFIRM : SUBSCRIPTION).map(c -> {
            ByteBuffer buffer = ByteBuffer.wrap(c);
            buffer.get();
            return new UUID(buffer.getLong(), buffer.getLong());
        });
    }

    /** Checks the MAC against the address the subscriber has, then the expiry of a confirmation. */
    public Verdict verify(String token, boolean confirmation, String email) {
        byte purpose = confirmation ? CONFIRM : SUBSCRIPTION;
        Optional<byte[]> claims = claims(token, purpose);
        if (claims.isEmpty()) {
            return new Verdict.Invalid();
        }
        byte[] raw = Base64.getUrlDecoder().decode(token);
        byte[] expected = mac(claims.get(), email);
        byte[] presented = new byte[MAC_BYTES];
        System.arraycopy(raw, claims.get().length, presented, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, presented)) {
            return new Verdict.Invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(claims.get());
        buffer.get();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (confirmation && Instant.ofEpochSecond(buffer.getLong()).isBefore(clock.instant())) {
            return new Verdict.Expired(id);
        }
        return new Verdict.Valid(id);
    }

    private Optional<byte[]> claims(String token, byte purpose) {
        int claimBytes = purpose == CONFIRM ? 25 : 17;
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != claimBytes + MAC_BYTES || raw[0] != purpose) {
            return Optional.empty();
        }
        byte[] claims = new byte[claimBytes];
        System.arraycopy(raw, 0, claims, 0, claimBytes);
        return Optional.of(claims);
    }

    private String sign(byte[] claims, String email) {
        byte[] mac = mac(claims, email);
        byte[] token = new byte[claims.length + mac.length];
        System.arraycopy(claims, 0, token, 0, claims.length);
        System.arraycopy(mac, 0, token, claims.length, mac.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private byte[] mac(byte[] claims, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(claims);
            mac.update((byte) 0);
            mac.update(email.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
