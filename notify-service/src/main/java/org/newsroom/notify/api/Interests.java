package org.newsroom.notify.api;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * A reader's interests: the topics (sections) they choose in the API's {@code topics} field, lower-case words with
 * dashes, e.g. {@code economics}, {@code eu-politics}. Not Kafka topics (those are {@code org.newsroom.events.Topics}).
 */
final class Interests {
    static final String PATTERN = "[a-z0-9][a-z0-9-]{0,39}";
    static final int MAX = 20;

    private Interests() {}

    /**
     * The topics of the preferences form: one per checkbox, each value possibly comma-separated (the form's older
     * text field); 400 naming the field for an invalid one.
     */
    static List<String> parse(List<String> values) {
        List<String> topics = normalize(
                values == null
                        ? List.of()
                        : values.stream()
                                .filter(Objects::nonNull)
                                .flatMap(value -> Arrays.stream(value.split(",")))
                                .filter(t -> !t.isBlank())
                                .toList());
        if (topics.size() > MAX || !topics.stream().allMatch(t -> t.matches(PATTERN))) {
            String reason = "at most " + MAX + " topics, each lower-case letters, digits and dashes";
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "Invalid topics: " + reason)
                    .withErrors(List.of(new Problem.FieldError("topics", reason))));
        }
        return topics;
    }

    static List<String> normalize(List<String> topics) {
        return topics == null
                ? List.of()
                : topics.stream()
                        .map(t -> t == null ? null : t.strip().toLowerCase(Locale.ROOT))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
    }
}
