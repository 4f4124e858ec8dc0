package org.newsroom.notify.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partner endpoint to register: its URL and the event types it wants (none: every publish event). */
public record WebhookRequest(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9.-]{1,200}") String> eventTypes) {}
