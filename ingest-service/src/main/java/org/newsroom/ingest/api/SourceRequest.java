package org.newsroom.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** A source as an operator describes it. A feed needs {@code url}; a partner gets an API key on creation. */
public record SourceRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String name,

        @Pattern(regexp = "feed|partner", message = "must be feed or partner")
        String kind,

        @Size(max = 2000) @URL(regexp = "^https?:.*", message = "must be an http(s) URL")
        String url,

        @Pattern(regexp = "auto|rss|atom|jsonfeed", message = "must be auto, rss, atom or jsonfeed")
        String format,

        @Min(value = 60, message = "must be at least 60 seconds")
        @Max(value = 604800, message = "must be at most a week")
        Integer pollIntervalSeconds,

        @Size(max = 20) List<@NotBlank @Size(max = 64) String> defaultSections,
        @Size(max = 200) String attributionName,

        @Size(max = 2000) @URL(regexp = "^https?:.*", message = "must be an http(s) URL")
        String attributionUrl,

        Boolean enabled,

        @Pattern(regexp = "guid|link|hash", message = "must be guid, link or hash")
        String identity) {

    String kindOrDefault() {
        return kind == null ? "feed" : kind;
    }
}
