package org.newsroom.editorial.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.problem.PageCursor;

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

    /** One page of the inbox, newest first, after the cursor (if any); one more than asked tells there is a next. */
    public static List<Letter> inbox(PageCursor after, int limit) {
        var query = after == null
                ? Letter.<Letter>find("order by createdAt desc, id desc")
                : Letter.<Letter>find(
                        "createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                        after.instantKey(),
                        after.id());
        return query.page(0, limit + 1).list();
    }
}
