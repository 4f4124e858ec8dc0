package org.newsroom.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 7807 problem body: what every API of newsroom answers when it refuses a request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {}

    public static Problem of(Response.Status status, String detail) {
        return new Problem(
                "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of(), Map.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, extensions);
    }

    public Problem with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    /** RFC 7807 extension members sit beside the standard ones, e.g. {@code allowedTransitions}. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
