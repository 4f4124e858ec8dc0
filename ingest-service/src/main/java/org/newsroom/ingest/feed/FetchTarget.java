package org.newsroom.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What a fetch needs to know of its source, read before the fetch so that no transaction spans the network call. */
record FetchTarget(
        UUID id,
        String name,
        URI url,
        String format,
        String identity,
        Duration interval,
        String etag,
        String lastModified,
        String attributionName,
        String attributionUrl,
        int failures,
        List<String> sections) {}
