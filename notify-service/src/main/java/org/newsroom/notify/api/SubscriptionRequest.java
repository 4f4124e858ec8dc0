package org.newsroom.notify.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * A reader asking for the newsletter. The address is trimmed and lower-cased before it is validated and stored.
 * Topics (sections) are optional: none means everything.
 */
public record SubscriptionRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 200) String name,
        @Size(max = Interests.MAX) List<@NotBlank @Pattern(regexp = Interests.PATTERN) String> topics) {

    public SubscriptionRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.strip();
        topics = Interests.normalize(topics);
    }
}
