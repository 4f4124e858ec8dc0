package org.newsroom.editorial.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A letter to the editor, waiting in the editors' inbox. */
@Entity
public class Letter extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String email;

    @Column(name = "publication_id")
    public UUID publicationId;

    public String text;

    public String client;

    @Column(name = "created_at")
    public Instant createdAt;
}
