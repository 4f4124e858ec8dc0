package org.newsroom.notify.subscription;

import java.util.Optional;

/**
 * The secret that signs the links in emails. Whoever knows it can confirm, unsubscribe or re-topic any reader, so
 * only a local stack (dev and test profiles) may run with the well-known default; anywhere else a missing, short or
 * default secret stops the service at startup rather than letting it mail forgeable links.
 */
public final class TokenSecret {
    /** The dev and test profiles' value when NEWSROOM_NOTIFY_TOKEN_SECRET is not set: public, never for production. */
    public static final String DEV_SECRET = "dev-only-insecure-notify-token-secret-set-NEWSROOM_NOTIFY_TOKEN_SECRET";

    static final int MIN_LENGTH = 32;

    private TokenSecret() {}

    /**
     * @param localStack whether this is a dev or test run, where the public default is tolerated
     * @return the secret to sign with
     * @throws IllegalStateException saying what to set when the secret must not be used
     */
    public static String vet(Optional<String> configured, boolean localStack) {
        String secret = configured.orElse("");
        if (secret.isBlank()) {
            throw new IllegalStateException("NEWSROOM_NOTIFY_TOKEN_SECRET is not set: set it to at least " + MIN_LENGTH
                    + " random characters (e.g. `openssl rand -hex 32`); it signs the links in emails");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("NEWSROOM_NOTIFY_TOKEN_SECRET is too short (" + secret.length()
                    + " characters): it must be at least " + MIN_LENGTH + " random characters");
        }
        if (!localStack && DEV_SECRET.equals(secret)) {
            throw new IllegalStateException("NEWSROOM_NOTIFY_TOKEN_SECRET is the public dev-only default: anyone "
                    + "could forge confirmation and unsubscribe links; set it to at least " + MIN_LENGTH
                    + " random characters");
        }
        return secret;
    }
}
