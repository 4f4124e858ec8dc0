package org.newsroom.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.Item;
import org.newsroom.ingest.domain.ItemLimits;
import org.newsroom.ingest.domain.ItemTooLargeException;
import org.newsroom.ingest.domain.MissingHeadlineException;
import org.newsroom.ingest.domain.NewItem;
import org.newsroom.ingest.domain.Source;
import org.newsroom.ingest.domain.UnknownItemException;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * Partner push: IPTC ninjs-shaped items (1.x and 2.x spellings), authenticated by the partner's API key
 * ({@code X-Api-Key} or {@code Authorization: Bearer}). {@code pubStatus=canceled} or {@code withheld} withdraws the
 * item: withheld means it must not be used for now, and a later {@code usable} version brings it back.
 *
 * <p>A JSON array of up to {@value #BATCH_ITEMS} such items is a batch, answered 207 with one result per item
 * ({@link BatchPushResponse}): each item is read and checked on its own (a refused one is reported and the others
 * are taken in), then all are taken in, in order, in one transaction ({@link Ingestion#ingestAll}).
 */
@Path("/api/partners/{partner}/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll // no JWT: the partner's API key is checked here
public class PartnerResource {
    /** Items a batch push may hold; the request as a whole stays within quarkus.http.limits.max-body-size. */
    static final int BATCH_ITEMS = 100;

    @Inject
    Ingestion ingestion;

    /** The partner's key check and the intake share one transaction: one connection, one commit per push. */
    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "A new item (body: a ninjs object)")
    @APIResponse(
            responseCode = "200",
            description = "An item the partner sent before: updated (a new version), unchanged, or withdrawn")
    @APIResponse(
            responseCode = "207",
            description = "A batch (body: an array of at most " + BATCH_ITEMS + " ninjs objects): one result per item,"
                    + " in order, with the status a push of that item alone would have answered",
            content = @Content(schema = @Schema(implementation = BatchPushResponse.class)))
    @APIResponse(responseCode = "413", description = "An item, or a batch, larger than newsroom takes")
    public Response push(
            @PathParam("partner") String partner,
            @HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam("Authorization") String authorization,
            JsonNode body) {
        Source source = authenticate(
                partner,
                apiKey != null
                        ? apiKey
                        : authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                                ? authorization.substring(7).strip()
                                : null);
        if (body != null && body.isArray()) {
            return pushAll(source, body);
        }
        if (body == null || !body.isObject()) {
            throw badRequest("$", "the body must be a ninjs JSON object, or an array of them");
        }
        Ninjs n = Ninjs.read(body);
        if (n.withdraws()) {
            Item item = ingestion
                    .withdraw(source.name, n.uri, n.withdrawal())
                    .orElseThrow(() -> noItemToWithdraw(source, n));
            return Response.ok(ItemResponse.of(item)).build();
        }
        Ingestion.Intake intake;
        try {
            intake = ingestion.ingest(newItem(source, n));
        } catch (ItemTooLargeException | MissingHeadlineException e) {
            throw refusal(e, source, n);
        }
        ItemResponse answer = ItemResponse.of(intake.item());
        return intake.created()
                ? Response.created(URI.create("/api/items/" + answer.id()))
                        .entity(answer)
                        .build()
                : Response.ok(answer).build();
    }

    private Response pushAll(Source source, JsonNode batch) {
        if (batch.isEmpty()) {
            throw unprocessable("$", "must hold at least one ninjs item");
        }
        if (batch.size() > BATCH_ITEMS) {
            throw IngestProblems.tooLarge("$", "must hold at most %d items".formatted(BATCH_ITEMS));
        }
        BatchPushResponse.Result[] results = new BatchPushResponse.Result[batch.size()];
        List<Integer> indexes = new ArrayList<>();
        List<Ninjs> read = new ArrayList<>();
        List<Ingestion.Push> pushes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode element = batch.get(i);
            try {
                if (!element.isObject()) {
                    throw badRequest("$", "each item must be a ninjs JSON object");
                }
                Ninjs n = Ninjs.read(element);
                pushes.add(
                        n.withdraws()
                                ? Ingestion.Push.withdrawal(n.uri, n.withdrawal())
                                : Ingestion.Push.of(newItem(source, n)));
                read.add(n);
                indexes.add(i);
            } catch (ProblemException e) {
                results[i] =
                        BatchPushResponse.Result.refused(i, element.path("uri").asText(null), e.problem());
            }
        }
        List<Ingestion.Taken> taken = pushes.isEmpty() ? List.of() : ingestion.ingestAll(source.name, pushes);
        for (int j = 0; j < taken.size(); j++) {
            int i = indexes.get(j);
            Ninjs n = read.get(j);
            Ingestion.Taken t = taken.get(j);
            results[i] = t.refusal() != null
                    ? BatchPushResponse.Result.refused(
                            i, n.uri, refusal(t.refusal(), source, n).problem())
                    : result(i, n.uri, t.intake());
        }
        return Response.status(207)
                .entity(new BatchPushResponse(List.of(results)))
                .build();
    }

    private static BatchPushResponse.Result result(int index, String uri, Ingestion.Intake intake) {
        String outcome = switch (intake.outcome()) {
            case NEW -> "created";
            case UPDATED -> "updated";
            case UNCHANGED -> "unchanged";
            case WITHDRAWN -> "withdrawn";
        };
        return new BatchPushResponse.Result(
                index, uri, intake.created() ? 201 : 200, outcome, intake.item().id, intake.item().version, null);
    }

    /** The domain's refusal of an item, in ninjs terms. */
    private static ProblemException refusal(RuntimeException e, Source source, Ninjs n) {
        if (e instanceof ItemTooLargeException tooLarge) {
            return IngestProblems.tooLarge(n.bodyField, tooLarge.reason());
        }
        if (e instanceof MissingHeadlineException) {
            return IngestProblems.unprocessable("headlines", IngestProblems.EMPTY_HEADLINE);
        }
        if (e instanceof UnknownItemException) {
            return noItemToWithdraw(source, n);
        }
        throw e;
    }

    private static ProblemException noItemToWithdraw(Source source, Ninjs n) {
        return new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "No item " + n.uri + " of " + source.name + " to withdraw"));
    }

    private static NewItem newItem(Source source, Ninjs n) {
        List<String> sections = new ArrayList<>(source.defaultSections);
        sections.addAll(n.subjects);
        String outlet = source.attributionName != null ? source.attributionName : n.infoSource.orElse(source.name);
        String outletUrl = source.attributionName != null ? source.attributionUrl : null;
        return new NewItem(
                source.name,
                n.uri,
                n.url,
                n.headline,
                n.description,
                n.byline,
                outlet,
                outletUrl,
                n.versionCreated,
                n.bodyHtml,
                n.language,
                n.versionCreated,
                sections,
                null,
                null,
                null,
                n.copyright,
                n.embargoed);
    }

    /**
     * The key must be one of this very partner's (current, or previous within its grace): a key of partner A opens
     * nothing of partner B. Items are then looked up within the partner's own source only, so re-sending another
     * source's URL makes an item of this partner and leaves the other's alone.
     */
    private static Source authenticate(String partner, String key) {
        Optional<Source> source = Source.findByName(partner).filter(s -> Source.PARTNER.equals(s.kind));
        if (source.isEmpty() || !source.get().acceptsKey(key, Instant.now())) {
            throw new ProblemException(Problem.of(
                    Response.Status.UNAUTHORIZED,
                    "A valid API key for partner " + partner + " is required (X-Api-Key header)"));
        }
        if (!source.get().enabled) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "Partner " + partner + " is disabled"));
        }
        return source.get();
    }

    /** The fields of a ninjs item that newsroom uses, validated; every refusal names its field. */
    static final class Ninjs {
        String uri;
        String url;
        String headline;
        String description;
        String byline;
        String bodyHtml;
        String bodyField = "bodies";
        String language;
        String copyright;
        String pubStatus = "usable";
        Instant versionCreated;
        Instant embargoed;
        List<String> subjects = new ArrayList<>();
        Optional<String> infoSource = Optional.empty();

        boolean withdraws() {
            return pubStatus.equals("canceled") || pubStatus.equals("withheld");
        }

        String withdrawal() {
            return "pubStatus=" + pubStatus;
        }

        static Ninjs read(JsonNode b) {
            Ninjs n = new Ninjs();
            n.uri = text(b, "uri");
            if (n.uri == null) {
                throw unprocessable("uri", "is required: the partner's id for the item");
            }
            if (n.uri.length() > 500) {
                throw unprocessable("uri", "must be at most 500 characters");
            }
            n.url = n.uri.matches("(?i)^https?://.*") ? n.uri : null;
            String status = text(b, "pubStatus", "pubstatus");
            if (status != null) {
                n.pubStatus = status.toLowerCase(Locale.ROOT);
                if (!List.of("usable", "withheld", "canceled").contains(n.pubStatus)) {
                    throw unprocessable("pubStatus", "must be usable, withheld or canceled");
                }
            }
            if (n.withdraws()) {
                return n;
            }
            n.headline = firstValue(b, "headlines", "main").orElse(text(b, "headline"));
            if (n.headline == null) {
                throw unprocessable("headlines", "a headline is required (headlines[].value or headline)");
            }
            if (n.headline.length() > 500) {
                throw unprocessable("headlines", "must be at most 500 characters");
            }
            n.description = firstValue(b, "descriptions", "summary").orElse(text(b, "description_text"));
            requireAtMost(
                    n.description,
                    ItemLimits.SUMMARY_CHARS,
                    b.has("descriptions") ? "descriptions" : "description_text");
            n.bodyField = b.has("bodies") ? "bodies" : "body_html";
            n.bodyHtml = firstValue(b, "bodies", null).orElse(text(b, "body_html"));
            requireAtMost(n.bodyHtml, ItemLimits.BODY_CHARS, n.bodyField);
            n.byline = text(b, "by", "byline");
            n.language = text(b, "language");
            if (n.language != null && !n.language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
                throw unprocessable("language", "must be a BCP 47 language tag such as en or en-GB");
            }
            n.copyright = text(b, "copyrightNotice", "copyrightnotice");
            requireAtMost(n.copyright, ItemLimits.RIGHTS_CHARS, "copyrightNotice");
            n.versionCreated = time(b, "versionCreated", "versioncreated");
            n.embargoed = time(b, "embargoedUntil", "embargoed");
            JsonNode subjects = b.path("subjects").isMissingNode() ? b.path("subject") : b.path("subjects");
            if (!subjects.isMissingNode() && !subjects.isNull()) {
                if (!subjects.isArray()) {
                    throw badRequest("subjects", "must be an array of {name, code}");
                }
                subjects.forEach(s -> {
                    String name = s.isTextual() ? s.asText() : text(s, "name");
                    if (name != null) {
                        n.subjects.add(name);
                    }
                });
            }
            JsonNode sources = b.path("infoSources").isMissingNode() ? b.path("infosources") : b.path("infoSources");
            if (sources.isArray() && sources.size() > 0) {
                n.infoSource = Optional.ofNullable(text(sources.get(0), "name"));
            }
            if (n.url == null) {
                n.url = n.uri;
            }
            return n;
        }

        private static void requireAtMost(String value, int chars, String field) {
            if (value != null && value.length() > chars) {
                throw IngestProblems.tooLarge(field, "must be at most %,d characters".formatted(chars));
            }
        }

        private static Optional<String> firstValue(JsonNode b, String field, String preferredRole) {
            JsonNode array = b.path(field);
            if (array.isMissingNode() || array.isNull()) {
                return Optional.empty();
            }
            if (!array.isArray()) {
                throw badRequest(field, "must be an array of {value, role}");
            }
            String first = null;
            for (JsonNode element : array) {
                String value = text(element, "value");
                if (value == null) {
                    continue;
                }
                if (first == null) {
                    first = value;
                }
                if (preferredRole != null && preferredRole.equals(text(element, "role"))) {
                    return Optional.of(value);
                }
            }
            return Optional.ofNullable(first);
        }

        private static String text(JsonNode b, String... names) {
            for (String name : names) {
                JsonNode v = b.path(name);
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                if (!v.isTextual()) {
                    throw badRequest(name, "must be a string");
                }
                if (!v.asText().isBlank()) {
                    return v.asText().strip();
                }
            }
            return null;
        }

        private static Instant time(JsonNode b, String... names) {
            String value = text(b, names);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw unprocessable(names[0], "must be an ISO 8601 date-time with offset, e.g. 2026-11-24T07:30:00Z");
            }
        }
    }

    private static ProblemException badRequest(String field, String message) {
        return IngestProblems.badRequest(field, message);
    }

    private static ProblemException unprocessable(String field, String message) {
        return IngestProblems.unprocessable(field, message);
    }
}
