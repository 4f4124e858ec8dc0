package org.newsroom.ingest.domain;

import java.util.Optional;

/**
 * An item normalized and accepted (it has a headline, its event can be relayed), with what is derived from its content
 * computed once: the plain text of its body, its canonical URL, its content hash and, when first asked for, its
 * fingerprint.
 */
final class Incoming {
    final NewItem item;
    final String bodyText;
    final String canonicalUrl;
    final String contentHash;
    private Optional<Fingerprint> fingerprint;

    private Incoming(NewItem item) {
        this.item = item;
        this.bodyText = Sanitizer.text(item.bodyHtml());
        this.canonicalUrl = CanonicalUrl.of(item.url());
        this.contentHash = Item.contentHash(item);
    }

    /**
     * @throws MissingHeadlineException when nothing is left of the headline once sanitized
     * @throws ItemTooLargeException when the sanitized body would make the item's event too large to relay
     */
    static Incoming of(NewItem raw) {
        NewItem normalized = Ingestion.normalize(raw);
        if (normalized.headline() == null) {
            throw new MissingHeadlineException();
        }
        Incoming incoming = new Incoming(normalized);
        ItemLimits.requireRelayableBody(normalized.bodyHtml(), incoming.bodyText);
        return incoming;
    }

    Optional<Fingerprint> fingerprint(StoryClusters clusters) {
        if (fingerprint == null) {
            fingerprint = clusters.fingerprint(item.headline(), item.summary(), bodyText);
        }
        return fingerprint;
    }
}
