package org.newsroom.notify.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.newsroom.notify.subscription.Suppressions;

/** A mail provider reporting a hard bounce or a complaint. */
public record SuppressionRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotNull Suppressions.Reason reason,
        @Size(max = 2000) String detail) {}
