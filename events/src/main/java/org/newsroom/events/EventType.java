package org.newsroom.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the contract: its CloudEvents {@code type}, the topic it travels on and its payload record.
 * A payload changes only additively within a version; a breaking change is a new type ending in {@code .v2}.
 */
public enum EventType {
    ITEM_INGESTED("news.item.ingested.v1", Topics.ITEMS, ItemIngested.class),
    ITEM_UPDATED("news.item.updated.v1", Topics.ITEMS, ItemUpdated.class),
    ITEM_WITHDRAWN("news.item.withdrawn.v1", Topics.ITEMS, ItemWithdrawn.class),
    STORY_APPROVED("news.story.approved.v1", Topics.EDITORIAL, StoryApproved.class),
    STORY_CORRECTED("news.story.corrected.v1", Topics.EDITORIAL, StoryCorrected.class),
    STORY_KILLED("news.story.killed.v1", Topics.EDITORIAL, StoryKilled.class),
    EDITION_APPROVED("news.edition.approved.v1", Topics.EDITORIAL, EditionApproved.class),
    EDITION_PUBLISHED("news.edition.published.v1", Topics.PUBLICATIONS, EditionPublished.class),
    PUBLICATION_PUBLISHED("news.publication.published.v1", Topics.PUBLICATIONS, PublicationPublished.class),
    PUBLICATION_UPDATED("news.publication.updated.v1", Topics.PUBLICATIONS, PublicationUpdated.class),
    PUBLICATION_RETRACTED("news.publication.retracted.v1", Topics.PUBLICATIONS, PublicationRetracted.class),
    DELIVERY_SENT("news.delivery.sent.v1", Topics.DELIVERIES, DeliverySent.class),
    DELIVERY_FAILED("news.delivery.failed.v1", Topics.DELIVERIES, DeliveryFailed.class);

    private final String type;
    private final String topic;
    private final Class<?> payload;

    EventType(String type, String topic, Class<?> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payload() {
        return payload;
    }

    /** The JSON Schema of the payload, as a classpath resource of this module. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> payload) {
        return Arrays.stream(values())
                .filter(t -> t.payload.equals(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event payload: " + payload.getName()));
    }
}
