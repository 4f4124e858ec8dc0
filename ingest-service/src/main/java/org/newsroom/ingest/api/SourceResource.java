package org.newsroom.ingest.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.ingest.domain.FetchLog;
import org.newsroom.ingest.domain.IngestSettings;
import org.newsroom.ingest.domain.ManualFetches;
import org.newsroom.ingest.domain.PartnerKeys;
import org.newsroom.ingest.domain.Source;
import org.newsroom.ingest.feed.FeedFetcher;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/** Sources: feeds polled on a schedule (and fetched on demand) and partners that push. Operations only. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INGEST_ADMIN)
public class SourceResource {

    @Inject
    FeedFetcher fetcher;

    @Inject
    ManualFetches manualFetches;

    @Inject
    IngestSettings settings;

    /**
     * Sources by name, keyset-paged like every list ({@link KeysetPages}): a full page names the next in
     * {@code X-Next-Cursor} and {@code Link rel=next}, given back as {@code after}.
     */
    @GET
    @APIResponse(
            responseCode = "200",
            description = "One page of sources; a full page names the next",
            headers = {
                @Header(name = KeysetPages.NEXT_CURSOR, description = "pass as ?after= for the next page"),
                @Header(name = "Link", description = "the next page's URL, rel=\"next\"")
            },
            content = @Content(schema = @Schema(implementation = SourceResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @QueryParam(PageCursor.PARAMETER) String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Context UriInfo uri) {
        PageCursor cursor = PageCursor.fromQuery(after);
        List<Source> sources = cursor == null
                ? Source.<Source>findAll(Sort.by("name").and("id"))
                        .page(Page.ofSize(limit))
                        .list()
                : Source.<Source>find(
                                "name > ?1 or (name = ?1 and id > ?2)",
                                Sort.by("name").and("id"),
                                cursor.key(),
                                cursor.id())
                        .page(Page.ofSize(limit))
                        .list();
        Source last = sources.size() == limit ? sources.get(sources.size() - 1) : null;
        return KeysetPages.withNext(
                        Response.ok(sources.stream()
                                .map(s -> SourceResponse.of(s, null))
                                .toList()),
                        last == null ? null : new PageCursor(last.name, last.id),
                        uri)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@Valid @NotNull SourceRequest request) {
        check(request);
        if (Source.findByName(request.name()).isPresent()) {
            throw conflict(request.name());
        }
        Instant now = Instant.now();
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.kind = request.kindOrDefault();
        source.createdAt = now;
        source.nextFetchAt = now;
        apply(source, request);
        String apiKey = null;
        if (!source.isFeed()) {
            apiKey = PartnerKeys.newKey();
            source.apiKeyHash = PartnerKeys.hash(apiKey);
        }
        source.persist();
        return Response.created(URI.create("/api/sources/" + source.id))
                .entity(SourceResponse.of(source, apiKey))
                .build();
    }

    @GET
    @Path("{id}")
    public SourceResponse get(@PathParam("id") UUID id) {
        return SourceResponse.of(find(id), null);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SourceResponse update(@PathParam("id") UUID id, @Valid @NotNull SourceRequest request) {
        Source source = find(id);
        if (request.kind() != null && !request.kind().equals(source.kind)) {
            throw IngestProblems.unprocessable("kind", "cannot change the kind of a source");
        }
        check(new SourceRequest(
                request.name(),
                source.kind,
                request.url(),
                request.format(),
                request.pollIntervalSeconds(),
                request.defaultSections(),
                request.attributionName(),
                request.attributionUrl(),
                request.enabled(),
                request.identity()));
        if (!source.name.equals(request.name())
                && Source.findByName(request.name()).isPresent()) {
            throw conflict(request.name());
        }
        boolean urlChanged = source.url != null && !source.url.equals(request.url());
        apply(source, request);
        if (urlChanged) {
            source.etag = null;
            source.lastModified = null;
            source.nextFetchAt = Instant.now();
        }
        return SourceResponse.of(source, null);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        find(id).delete();
        return Response.noContent().build();
    }

    /**
     * Fetch a feed now, whatever its schedule; answers the fetch log entry. At most one manual fetch per source per
     * {@code newsroom.ingest.fetch.manual-min-interval}: a second one is 429 with Retry-After.
     */
    @POST
    @Path("{id}/fetch")
    public Response fetchNow(@PathParam("id") UUID id) {
        Source source = find(id);
        if (!source.isFeed()) {
            throw new ProblemException(Problem.of(
                    Response.Status.CONFLICT, "Source " + source.name + " is a partner: it pushes, it is not fetched"));
        }
        Optional<Duration> wait = manualFetches.claim(id);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.fromResponse(Problem.of(
                                    429,
                                    "Too Many Requests",
                                    "Source " + source.name + " was fetched on demand moments ago; try again in "
                                            + seconds + " s")
                            .toResponse())
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build();
        }
        return Response.ok(FetchLogResponse.of(fetcher.fetch(id))).build();
    }

    /**
     * Rotates a partner's API key: the answer carries the new key, once; the previous key keeps working until
     * {@code previousKeyValidUntil} ({@code newsroom.ingest.partner-key-grace}), so the partner can switch without
     * a gap. Rotating again within that time ends the older key at once.
     */
    @POST
    @Path("{id}/keys")
    @Transactional
    public PartnerKeyResponse rotateKey(@PathParam("id") UUID id) {
        Source source = Source.<Source>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> IngestProblems.notFound(id));
        if (source.isFeed()) {
            throw new ProblemException(
                    Problem.of(Response.Status.CONFLICT, "Source " + source.name + " is a feed: it has no API key"));
        }
        String key = source.rotateKey(Instant.now(), settings.partnerKeyGrace());
        return new PartnerKeyResponse(source.id, source.name, key, source.previousKeyExpiresAt);
    }

    @GET
    @Path("{id}/fetches")
    public List<FetchLogResponse> fetches(
            @PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        find(id);
        return FetchLog.latest(id, limit).stream().map(FetchLogResponse::of).toList();
    }

    private static void apply(Source source, SourceRequest request) {
        source.name = request.name();
        source.url = request.url();
        source.format = request.format() == null ? "auto" : request.format();
        source.pollIntervalSeconds = request.pollIntervalSeconds() == null ? 900 : request.pollIntervalSeconds();
        source.defaultSections =
                request.defaultSections() == null ? new ArrayList<>() : new ArrayList<>(request.defaultSections());
        source.attributionName = blankToNull(request.attributionName());
        source.attributionUrl = blankToNull(request.attributionUrl());
        source.enabled = request.enabled() == null || request.enabled();
        source.identity = request.identity() == null ? "guid" : request.identity();
        source.updatedAt = Instant.now();
    }

    private static void check(SourceRequest request) {
        if ("feed".equals(request.kindOrDefault())
                && (request.url() == null || request.url().isBlank())) {
            throw IngestProblems.unprocessable("url", "a feed source needs the URL of its feed");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Source find(UUID id) {
        return Source.<Source>findByIdOptional(id).orElseThrow(() -> IngestProblems.notFound(id));
    }

    private static ProblemException conflict(String name) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, "A source named " + name + " exists already"));
    }
}
