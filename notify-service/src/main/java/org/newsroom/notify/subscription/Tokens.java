package org.newsroom.notify.subscription;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.newsroom.notify.domain.NotifySettings;

/**
 * Signed tokens for the links in emails (see auth in docs/architecture.md): an HMAC-SHA256 under
 * {@code newsroom.notify.token-secret} makes them unforgeable. Base64url without padding, so they go into a URL as
 * they are ({@code [A-Za-z0-9_-]+}).
 *
 * <ul>
 * <li>confirmation: purpose {@code C}, subscriber id, expiry; the MAC also covers the address.</li>
 * <li>subscription (unsubscribe and preferences): purpose {@code S}, subscriber id, the subscriber's token version;
 * the MAC covers the address, so a token made for one address is worthless for any other. It does not expire
 * (RFC 8058 links in old emails must keep working) but is revoked when the subscriber's token version moves on.
 * Tokens of purpose {@code U}, mailed before versions existed, carry none and count as version 0.</li>
 * </ul>
 */
@ApplicationScoped
public class Tokens {
    private static final Logger LOG = Logger.getLogger(Tokens.class);
    private static final byte CONFIRM = 'C';
    private static final byte SUBSCRIPTION = 'S';
    private static final byte UNVERSIONED_SUBSCRIPTION = 'U';
    private static final int MAC_BYTES = 32;

    @Inject
    NotifySettings config;

    Clock clock = Clock.systemUTC();

    private volatile String secret;

    void checkSecret(@Observes StartupEvent startup) {
        secret();
        if (TokenSecret.DEV_SECRET.equals(secret)) {
            LOG.warn("newsroom.notify.token-secret is the built-in DEV-ONLY default: confirmation and unsubscribe "
                    + "links can be forged by anyone who reads the source. Set NEWSROOM_NOTIFY_TOKEN_SECRET.");
        }
    }

    /** What a presented token turned out to be. */
    public sealed interface Verdict {
        record Valid(UUID subscriberId) implements Verdict {}

        record Expired(UUID subscriberId) implements Verdict {}

        /** Genuine, but of a token version the subscriber has left behind. */
        record Revoked(UUID subscriberId) implements Verdict {}

        record Invalid() implements Verdict {}
    }

    /** What a token says before its MAC is checked. */
    private record Claims(byte[] bytes, UUID subscriberId, long expiryOrVersion) {}

    public String confirmation(UUID subscriberId, String email) {
        return confirmation(subscriberId, email, clock.instant().plus(config.confirmTokenTtl()));
    }

    public String confirmation(UUID subscriberId, String email, Instant expiresAt) {
        ByteBuffer claims = ByteBuffer.allocate(1 + 16 + 8)
                .put(CONFIRM)
                .putLong(subscriberId.getMostSignificantBits())
                .putLong(subscriberId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        return sign(claims.array(), email);
    }

    /** The unsubscribe and preferences token of this subscriber's emails, valid until its version moves on. */
    public String subscription(UUID subscriberId, String email, int tokenVersion) {
        ByteBuffer claims = ByteBuffer.allocate(1 + 16 + 4)
                .put(SUBSCRIPTION)
                .putLong(subscriberId.getMostSignificantBits())
                .putLong(subscriberId.getLeastSignificantBits())
                .putInt(tokenVersion);
        return sign(claims.array(), email);
    }

    /** The subscriber a token claims to be for; only {@link #verify} says whether it really is. */
    public Optional<UUID> claimedSubscriber(String token, boolean confirmation) {
        return claims(token, confirmation).map(Claims::subscriberId);
    }

    /**
     * Checks the MAC against the address the subscriber has, then the expiry of a confirmation or the version of a
     * subscription token.
     */
    public Verdict verify(String token, boolean confirmation, Subscriber subscriber) {
        Optional<Claims> parsed = claims(token, confirmation);
        if (parsed.isEmpty() || !parsed.get().subscriberId().equals(subscriber.id)) {
            return new Verdict.Invalid();
        }
        Claims claims = parsed.get();
        byte[] raw = Base64.getUrlDecoder().decode(token);
        byte[] presented = new byte[MAC_BYTES];
        System.arraycopy(raw, claims.bytes().length, presented, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(mac(claims.bytes(), subscriber.email), presented)) {
            return new Verdict.Invalid();
        }
        UUID id = claims.subscriberId();
        if (confirmation) {
            return Instant.ofEpochSecond(claims.expiryOrVersion()).isBefore(clock.instant())
                    ? new Verdict.Expired(id)
                    : new Verdict.Valid(id);
        }
        return claims.expiryOrVersion() == subscriber.tokenVersion ? new Verdict.Valid(id) : new Verdict.Revoked(id);
    }

    private static Optional<Claims> claims(String token, boolean confirmation) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length == 0) {
            return Optional.empty();
        }
        byte purpose = raw[0];
        int claimBytes;
        if (confirmation) {
            claimBytes = purpose == CONFIRM ? 25 : -1;
        } else {
            claimBytes = purpose == SUBSCRIPTION ? 21 : purpose == UNVERSIONED_SUBSCRIPTION ? 17 : -1;
        }
        if (claimBytes < 0 || raw.length != claimBytes + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[claimBytes];
        System.arraycopy(raw, 0, bytes, 0, claimBytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, claimBytes - 1);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        long rest = switch (purpose) {
            case CONFIRM -> buffer.getLong();
            case SUBSCRIPTION -> buffer.getInt();
            default -> 0;
        };
        return Optional.of(new Claims(bytes, id, rest));
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
            mac.init(new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(claims);
            mac.update((byte) 0);
            mac.update(email.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        if (secret == null) {
            secret = TokenSecret.vet(config.tokenSecret(), LaunchMode.current().isDevOrTest());
        }
        return secret;
    }
}
