package org.newsroom.ingest.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.URL;
import org.newsroom.ingest.domain.NewItem;

/**
 * An item pushed by hand or by a tool, under a {@code source} name of its own (never a registered source's; partners
 * push through {@link PartnerResource}). {@code externalId} defaults to the URL, {@code outlet} to the source. The
 * summary's limit is checked by {@link ItemResource}: too large is a 413, not a 400 like the other fields.
 */
public record ItemRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String source,

        @Size(max = 500) String externalId,

        @NotBlank @Size(max = 2000) @URL(regexp = "^https?:.*", message = "must be an http(s) URL")
        String url,

        @NotBlank @Size(max = 500) String headline,
        String summary,
        @Size(max = 300) String byline,
        @Size(max = 200) String outlet,

        @Size(max = 2000) @URL(regexp = "^https?:.*", message = "must be an http(s) URL")
        String outletUrl,

        Instant publishedAt) {

    NewItem toNewItem() {
        return new NewItem(source, externalId, url, headline, summary, byline, outlet, outletUrl, publishedAt);
    }
}
