package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The editors' working copy of an ingested item. The edited copy (headline, summary, byline, outlet, outletUrl,
 * editorsNote, sections) starts as the source copy; the source copy ({@code source*}) stays as ingest sent it.
 */
@Entity
public class Story extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id")
    public UUID itemId;

    public String source;

    public String url;

    public String headline;

    public String summary;

    public String byline;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    @Enumerated(EnumType.STRING)
    public StoryStatus status;

    /** Optimistic lock: two editors cannot silently overwrite each other. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "source_headline")
    public String sourceHeadline;

    @Column(name = "source_summary")
    public String sourceSummary;

    @Column(name = "source_byline")
    public String sourceByline;

    @Column(name = "source_outlet")
    public String sourceOutlet;

    @Column(name = "source_outlet_url")
    public String sourceOutletUrl;

    @Column(name = "editors_note")
    public String editorsNote;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sections", columnDefinition = "text[]")
    public String[] sections = new String[0];

    public String assignee;

    /** Whether an editor changed the copy (then a changed source no longer overwrites it). */
    public boolean edited;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "publication_id")
    public UUID publicationId;

    @Column(name = "publication_url")
    public String publicationUrl;

    @Column(name = "correction_note")
    public String correctionNote;

    @Column(name = "kill_reason")
    public String killReason;

    /** Version of the item the source copy is, to ignore an older update arriving late. */
    @Column(name = "source_version")
    public Integer sourceVersion;

    /** The source changed after an editor edited the copy; the copy was kept, the history has the source diff. */
    @Column(name = "source_changed")
    public boolean sourceChanged;

    /** The source updated the story after its approval; the update is held ({@link HeldSourceUpdate}). */
    @Column(name = "source_update_pending")
    public boolean sourceUpdatePending;

    @Column(name = "embargoed_until")
    public Instant embargoedUntil;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** The source withdrew a published story: a chief editor should kill it. */
    @Column(name = "kill_proposed")
    public boolean killProposed;

    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "image_caption")
    public String imageCaption;

    @Column(name = "image_credit")
    public String imageCredit;

    public String rights;

    @Column(name = "source_image_caption")
    public String sourceImageCaption;

    @Column(name = "source_image_credit")
    public String sourceImageCredit;

    @Column(name = "source_rights")
    public String sourceRights;

    public String dateline;

    @Column(name = "author_bio")
    public String authorBio;

    /** Stories whose items ingest found to report the same news share it (see {@link Cluster} for its primary). */
    @Column(name = "cluster_id")
    public UUID clusterId;

    /** When an editor made this story its cluster's primary; null if never, or since it moved to another cluster. */
    @Column(name = "primary_chosen_at")
    public Instant primaryChosenAt;

    /** When a chief editor scheduled the approved story to go public (never before the embargo). */
    @Column(name = "publish_at")
    public Instant publishAt;

    /** The fields an editor may change, by their API name. */
    public static final List<String> EDITABLE = List.of(
            "headline",
            "summary",
            "byline",
            "editorsNote",
            "sections",
            "outlet",
            "outletUrl",
            "assignee",
            "dateline",
            "authorBio",
            "imageCaption",
            "imageCredit",
            "rights");

    /** The current value of an editable field ({@code sections} as a list). */
    public Object field(String name) {
        return switch (name) {
            case "headline" -> headline;
            case "summary" -> summary;
            case "byline" -> byline;
            case "editorsNote" -> editorsNote;
            case "sections" -> List.of(sections);
            case "outlet" -> outlet;
            case "outletUrl" -> outletUrl;
            case "assignee" -> assignee;
            case "dateline" -> dateline;
            case "authorBio" -> authorBio;
            case "imageCaption" -> imageCaption;
            case "imageCredit" -> imageCredit;
            case "rights" -> rights;
            default -> throw new IllegalArgumentException("Not an editable field: " + name);
        };
    }

    /**
     * Applies the given values (already validated) and answers the field-level diff: for each field that really
     * changed, {@code {"from": old, "to": new}}. Unchanged values are left out.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Map<String, Object> values) {
        Map<String, Object> diff = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Object old = field(name);
            if (Objects.equals(old, value)) {
                return;
            }
            switch (name) {
                case "headline" -> headline = (String) value;
                case "summary" -> summary = (String) value;
                case "byline" -> byline = (String) value;
                case "editorsNote" -> editorsNote = (String) value;
                case "sections" -> sections = ((List<String>) value).toArray(String[]::new);
                case "outlet" -> outlet = (String) value;
                case "outletUrl" -> outletUrl = (String) value;
                case "assignee" -> assignee = (String) value;
                case "dateline" -> dateline = (String) value;
                case "authorBio" -> authorBio = (String) value;
                case "imageCaption" -> imageCaption = (String) value;
                case "imageCredit" -> imageCredit = (String) value;
                case "rights" -> rights = (String) value;
                default -> throw new IllegalArgumentException("Not an editable field: " + name);
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", old);
            change.put("to", value);
            diff.put(name, change);
        });
        if (diff.keySet().stream().anyMatch(f -> !f.equals("assignee"))) {
            edited = true;
        }
        return diff;
    }

    public List<String> sectionList() {
        return sections == null ? List.of() : Arrays.asList(sections);
    }

    /** Not before the embargo, nor before the scheduled time: what publish-service must hold the story until. */
    public Instant holdUntil() {
        if (embargoedUntil == null) {
            return publishAt;
        }
        return publishAt == null || publishAt.isBefore(embargoedUntil) ? embargoedUntil : publishAt;
    }

    /** How many stories each status holds, every status named (0 when none). */
    public static Map<StoryStatus, Long> countsByStatus() {
        Map<StoryStatus, Long> counts = new java.util.EnumMap<>(StoryStatus.class);
        for (StoryStatus status : StoryStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager()
                .createQuery("select s.status, count(s) from Story s group by s.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((StoryStatus) row[0], (Long) row[1]));
        return counts;
    }

    public static Optional<Story> findByItemId(UUID itemId) {
        return find("itemId", itemId).firstResultOptional();
    }
}
