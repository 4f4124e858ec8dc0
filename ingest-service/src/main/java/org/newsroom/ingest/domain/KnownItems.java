package org.newsroom.ingest.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored items a batch is of, found in one query, then kept current as the batch takes its items in, so that each
 * entry finds what it would find alone: the item with its external id, else one with its canonical URL.
 */
final class KnownItems {
    private final Map<String, Item> byExternalId = new HashMap<>();
    private final Map<String, Item> byCanonicalUrl = new HashMap<>();

    private KnownItems() {}

    /** @param incoming the accepted items, by the index of their push (null for withdrawals and refused items) */
    static KnownItems of(String source, List<Ingestion.Push> pushes, Incoming[] incoming) {
        Set<String> externalIds = new HashSet<>();
        Set<String> canonicalUrls = new HashSet<>();
        for (int i = 0; i < pushes.size(); i++) {
            if (pushes.get(i).withdrawal() != null) {
                externalIds.add(pushes.get(i).externalId());
            } else if (incoming[i] != null) {
                externalIds.add(incoming[i].item.externalId());
                if (incoming[i].canonicalUrl != null) {
                    canonicalUrls.add(incoming[i].canonicalUrl);
                }
            }
        }
        KnownItems known = new KnownItems();
        if (!externalIds.isEmpty()) {
            Item.findKnown(source, externalIds, canonicalUrls).forEach(known::add);
        }
        return known;
    }

    Optional<Item> byExternalId(String externalId) {
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    Optional<Item> of(Incoming incoming) {
        return byExternalId(incoming.item.externalId())
                .or(() -> Optional.ofNullable(
                        incoming.canonicalUrl == null ? null : byCanonicalUrl.get(incoming.canonicalUrl)));
    }

    /** An item found, taken in or changed: a new version may have moved it to another canonical URL. */
    void add(Item item) {
        byExternalId.put(item.externalId, item);
        byCanonicalUrl.values().remove(item);
        if (item.canonicalUrl != null) {
            byCanonicalUrl.putIfAbsent(item.canonicalUrl, item);
        }
    }
}
