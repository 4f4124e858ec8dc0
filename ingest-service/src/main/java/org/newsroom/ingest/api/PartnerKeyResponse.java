package org.newsroom.ingest.api;

import java.time.Instant;
import java.util.UUID;

/** A partner's new API key, shown this once; the previous key works until {@code previousKeyValidUntil}. */
public record PartnerKeyResponse(UUID sourceId, String name, String apiKey, Instant previousKeyValidUntil) {}
