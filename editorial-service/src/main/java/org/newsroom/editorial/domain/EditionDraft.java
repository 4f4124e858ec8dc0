package org.newsroom.editorial.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The composed content of an edition, validated for shape by the API; the desk checks the stories. */
public record EditionDraft(
        String title, LocalDate date, UUID leadStory, String leadNote, List<UUID> briefs, List<String> sections) {}
