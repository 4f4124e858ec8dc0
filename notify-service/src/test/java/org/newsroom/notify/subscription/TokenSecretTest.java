package org.newsroom.notify.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dev token secret runs the local stack only; anywhere else a missing, short or public secret stops startup. */
class TokenSecretTest {
    private static final String RANDOM = "3f9c2a7d51e04b8a9c6d2e1f0a7b8c9d";

    @Test
    void outsideTheLocalStackAMissingShortOrPublicSecretIsRefusedSayingWhatToSet() {
        for (Optional<String> missing :
                java.util.List.of(Optional.<String>empty(), Optional.of(""), Optional.of("   "))) {
            IllegalStateException refusal =
                    assertThrows(IllegalStateException.class, () -> TokenSecret.vet(missing, false));
            assertTrue(
                    refusal.getMessage().startsWith("NEWSROOM_NOTIFY_TOKEN_SECRET is not set"), refusal.getMessage());
        }
        IllegalStateException shortOne = assertThrows(
                IllegalStateException.class, () -> TokenSecret.vet(Optional.of(RANDOM.substring(1)), false));
        assertTrue(shortOne.getMessage().contains("too short (31 characters)"), shortOne.getMessage());
        IllegalStateException dev = assertThrows(
                IllegalStateException.class, () -> TokenSecret.vet(Optional.of(TokenSecret.DEV_SECRET), false));
        assertTrue(dev.getMessage().contains("public dev-only default"), dev.getMessage());

        assertEquals(RANDOM, TokenSecret.vet(Optional.of(RANDOM), false));
    }

    @Test
    void theLocalStackMayUseThePublicDefaultButNoShortSecret() {
        assertEquals(TokenSecret.DEV_SECRET, TokenSecret.vet(Optional.of(TokenSecret.DEV_SECRET), true));
        assertThrows(IllegalStateException.class, () -> TokenSecret.vet(Optional.of("short"), true));
        assertThrows(IllegalStateException.class, () -> TokenSecret.vet(Optional.empty(), true));
    }
}
