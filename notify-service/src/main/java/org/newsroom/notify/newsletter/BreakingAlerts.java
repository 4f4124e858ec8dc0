package org.newsroom.notify.newsletter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which single-story publications are worth an email of their own ("breaking" alerts): readers get the edition
 * anyway, so by default none is. Configured as a comma-separated list of sections, case-insensitive; {@code *}
 * means every publication.
 */
public record BreakingAlerts(boolean everything, Set<String> sections) {

    public static BreakingAlerts parse(String config) {
        Set<String> sections = Arrays.stream(config == null ? new String[0] : config.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new BreakingAlerts(sections.contains("*"), sections);
    }

    public boolean covers(List<String> publicationSections) {
        return everything
                || publicationSections != null
                        && publicationSections.stream()
                                .filter(s -> s != null)
                                .anyMatch(s -> sections.contains(s.strip().toLowerCase(Locale.ROOT)));
    }
}
