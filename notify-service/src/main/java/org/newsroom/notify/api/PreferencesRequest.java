package org.newsroom.notify.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The topics a reader wants from now on; an empty list means everything. {@code paused} pauses (true) or resumes
 * (false) the newsletter; absent, it stays as it is.
 */
public record PreferencesRequest(
        @NotNull @Size(max = Interests.MAX) List<@NotBlank @Pattern(regexp = Interests.PATTERN) String> topics,
        Boolean paused) {

    public PreferencesRequest {
        topics = topics == null ? null : Interests.normalize(topics);
    }
}
