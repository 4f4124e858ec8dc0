package org.newsroom.publish.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PoisonEventException;
import org.newsroom.problem.Problem;
import org.newsroom.publish.domain.Edition;

/**
 * The desk's preview of an edition before it is approved: {@code POST /preview/edition} with the snapshot approval
 * would announce ({@code news.edition.approved.v1}'s payload) answers the page readers would get, rendered by
 * {@link EditionPage} itself. Internal: it is served on the management interface, which neither the Kubernetes
 * Services nor compose publish; editorial's pods reach it there. It only reads: nothing of the draft is stored, and a
 * story publish has not published yet renders as in a held edition (no link, no dateline, no forms).
 */
@ApplicationScoped
public class EditionPreview {
    static final String PATH = "/preview/edition";
    /** An edition's event fits in one Kafka record (1 MiB); twice that is never a snapshot. */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(EditionPreview.class);

    @Inject
    EditionPage page;

    @Inject
    ObjectMapper json;

    void install(@Observes ManagementInterface management) {
        management
                .router()
                .post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .blockingHandler(this::preview, false)
                .failureHandler(this::failed);
    }

    private void preview(RoutingContext context) {
        EditionApproved snapshot;
        try {
            snapshot = EventCodec.decode(context.body().asString(), EditionApproved.class);
        } catch (PoisonEventException e) {
            problem(context, Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(render(snapshot));
    }

    /**
     * At the address and time it has here once published, so that the preview of a published edition is its page; a
     * draft gets the address it would get now.
     */
    @ActivateRequestContext
    String render(EditionApproved snapshot) {
        Edition published = Edition.findById(snapshot.editionId());
        String slug = published != null ? published.slug : Edition.freeSlug(snapshot.date());
        Instant at = published != null && published.publishedAt != null
                ? published.publishedAt
                : Instant.now().truncatedTo(ChronoUnit.MICROS);
        return page.page(slug, snapshot, at, EditionPage.publicLead(snapshot)).render();
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 500) {
            LOG.error("Edition preview failed", context.failure());
        }
        problem(context, Problem.of(status, HttpResponseStatus.valueOf(status).reasonPhrase(), null));
    }

    private void problem(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
