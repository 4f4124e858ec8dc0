package org.newsroom.editorial.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An edition approval that would publish some of its stories before their embargo or scheduled time: the edition
 * page, the newsletter and the webhooks would carry them at the edition's time, whatever the story's own hold.
 */
public class EditionEmbargoException extends RuntimeException {
    /** A story of the edition held past the edition's time: where it is placed, and until when and why. */
    public record HeldStory(String field, UUID storyId, String headline, Instant holdUntil, String hold) {
        public String describe() {
            return "story " + storyId + " \"" + headline + "\" is " + hold + " " + holdUntil;
        }
    }

    private final transient List<HeldStory> held;

    public EditionEmbargoException(Instant editionTime, List<HeldStory> held) {
        super(message(editionTime, held));
        this.held = List.copyOf(held);
    }

    public List<HeldStory> held() {
        return held;
    }

    /** The earliest time the edition may be published at: when its last story's hold ends. */
    public Instant earliestPublishAt() {
        return held.stream()
                .map(HeldStory::holdUntil)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static String message(Instant editionTime, List<HeldStory> held) {
        Instant earliest = held.stream()
                .map(HeldStory::holdUntil)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return "The edition would be published at " + editionTime + ", before "
                + String.join("; ", held.stream().map(HeldStory::describe).toList())
                + ". Approve it with {\"publishAt\": \"" + earliest + "\"} or later, or take the story out";
    }
}
