package org.newsroom.editorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.editorial.domain.Story;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * Reads and validates the editable fields of a story from a JSON merge patch (RFC 7396): a field left out is not
 * changed, {@code null} clears an optional field. Every invalid field is reported at once (400 with {@code errors};
 * 413 when the only fault is length, see {@link Limits} and {@link FieldProblems}).
 */
final class StoryFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int oversized;

    private StoryFields() {}

    static ObjectNode object(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON"));
        }
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "The body must be a JSON object"));
    }

    /** The validated values by field name; {@code others} are further fields the caller reads itself. */
    static Map<String, Object> parse(ObjectNode body, Set<String> others) {
        StoryFields fields = new StoryFields();
        body.fields().forEachRemaining(e -> fields.read(e.getKey(), e.getValue(), others));
        if (!fields.errors.isEmpty()) {
            throw fields.oversized == fields.errors.size()
                    ? FieldProblems.tooLarge(fields.errors)
                    : FieldProblems.invalid(fields.errors);
        }
        return fields.values;
    }

    private void read(String name, JsonNode value, Set<String> others) {
        if (others.contains(name)) {
            return;
        }
        switch (name) {
            case "headline" -> text(name, value, true, Limits.HEADLINE);
            case "summary" -> summary(value);
            case "byline" -> text(name, value, false, Limits.BYLINE);
            case "editorsNote" -> text(name, value, false, Limits.NOTE);
            case "outlet" -> text(name, value, true, Limits.OUTLET);
            case "outletUrl" -> url(value);
            case "assignee" -> text(name, value, false, Limits.ASSIGNEE);
            case "sections" -> sections(value);
            case "dateline" -> text(name, value, false, Limits.DATELINE);
            case "authorBio" -> text(name, value, false, Limits.AUTHOR_BIO);
            case "imageCaption" -> text(name, value, false, Limits.IMAGE_CAPTION);
            case "imageCredit" -> text(name, value, false, Limits.IMAGE_CREDIT);
            case "rights" -> text(name, value, false, Limits.RIGHTS);
            default ->
                errors.add(new Problem.FieldError(
                        name, "is not an editable field; editable are " + String.join(", ", Story.EDITABLE)));
        }
    }

    private void text(String name, JsonNode value, boolean required, int max) {
        if (value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(name, "must not be null"));
            } else {
                values.put(name, null);
            }
            return;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(name, "must be a string"));
            return;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new Problem.FieldError(name, "must not be blank"));
            } else {
                values.put(name, null);
            }
        } else if (text.length() > max) {
            oversize(name, max);
        } else {
            values.put(name, text);
        }
    }

    /** One to three paragraphs, separated by a blank line; stored normalised ({@code "p1\n\np2"}). */
    private void summary(JsonNode value) {
        List<String> paragraphs;
        if (value.isTextual()) {
            paragraphs = paragraphs(value.asText());
        } else if (value.isArray()) {
            paragraphs = new ArrayList<>();
            for (JsonNode p : value) {
                if (!p.isTextual()) {
                    errors.add(new Problem.FieldError("summary", "paragraphs must be strings"));
                    return;
                }
                if (!p.asText().isBlank()) {
                    paragraphs.add(p.asText().strip());
                }
            }
        } else {
            errors.add(new Problem.FieldError("summary", "must be a string of paragraphs or an array of them"));
            return;
        }
        String joined = String.join("\n\n", paragraphs);
        if (paragraphs.isEmpty() || paragraphs.size() > Limits.SUMMARY_PARAGRAPHS) {
            errors.add(
                    new Problem.FieldError("summary", "must have 1 to " + Limits.SUMMARY_PARAGRAPHS + " paragraphs"));
        } else if (joined.length() > Limits.SUMMARY) {
            oversize("summary", Limits.SUMMARY);
        } else {
            values.put("summary", joined);
        }
    }

    private void oversize(String name, int max) {
        errors.add(FieldProblems.tooLong(name, max));
        oversized++;
    }

    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private void url(JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            values.put("outletUrl", null);
            return;
        }
        String text = value.asText().strip();
        if (value.isTextual() && text.length() > Limits.URL) {
            oversize("outletUrl", Limits.URL);
            return;
        }
        try {
            URI uri = URI.create(text);
            if (value.isTextual()
                    && uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                values.put("outletUrl", text);
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new Problem.FieldError("outletUrl", "must be an absolute http(s) URL"));
    }

    private void sections(JsonNode value) {
        if (value.isNull()) {
            values.put("sections", List.of());
            return;
        }
        if (!value.isArray()) {
            errors.add(new Problem.FieldError("sections", "must be an array of section names"));
            return;
        }
        Set<String> sections = new LinkedHashSet<>();
        for (JsonNode s : value) {
            if (!s.isTextual() || s.asText().isBlank() || s.asText().strip().length() > Limits.SECTION) {
                errors.add(new Problem.FieldError(
                        "sections", "each section must be a name of 1 to " + Limits.SECTION + " characters"));
                return;
            }
            sections.add(s.asText().strip());
        }
        if (sections.size() > Limits.SECTIONS) {
            errors.add(new Problem.FieldError("sections", "at most " + Limits.SECTIONS + " sections"));
            return;
        }
        values.put("sections", List.copyOf(sections));
    }
}
