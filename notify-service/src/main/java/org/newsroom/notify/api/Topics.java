package org.newsroom.notify.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Topic (section) names readers choose: lower-case words with dashes, e.g. {@code economics}, {@code eu-politics}. */
final class Topics {
    static final String PATTERN = "[a-z0-9][a-z0-9-]{0,39}";

    private Topics() {
    }

    static List<String> normalize(List<String> topics) {
        return topics == null ? List.of() : topics.stream().map(t -> t == null ? null : t.strip().toLowerCase(Locale.ROOT))
                .filter(Objects::nonNull).distinct().toList();
    }
}
