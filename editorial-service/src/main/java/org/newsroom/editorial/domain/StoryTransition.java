package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a story's audit trail. */
@Entity
@Table(name = "story_transition")
public class StoryTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id")
    public UUID storyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public StoryStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public StoryStatus toStatus;

    public String actor;

    public Instant at;

    static void record(Story story, StoryStatus from, String actor, Instant at) {
        StoryTransition transition = new StoryTransition();
        transition.storyId = story.id;
        transition.fromStatus = from;
        transition.toStatus = story.status;
        transition.actor = actor;
        transition.at = at;
        transition.persist();
    }
}
