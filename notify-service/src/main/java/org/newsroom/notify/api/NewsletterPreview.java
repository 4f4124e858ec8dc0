package org.newsroom.notify.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PoisonEventException;
import org.newsroom.notify.newsletter.DeliveryMail;
import org.newsroom.problem.Problem;
import org.newsroom.theme.Theme;

/**
 * The desk's preview of an edition's newsletter before it is approved: {@code POST /preview/newsletter} with the
 * snapshot approval would announce ({@code news.edition.approved.v1}'s payload) answers the email's HTML part as
 * {@link DeliveryMail} composes it for a reader, with placeholder reader links. Internal: it is served on the
 * management interface, which neither the Kubernetes Services nor compose publish; editorial's pods reach it there.
 * Nothing is stored and nothing is sent.
 */
@ApplicationScoped
public class NewsletterPreview {
    static final String PATH = "/preview/newsletter";
    /** An edition's event fits in one Kafka record (1 MiB); twice that is never a snapshot. */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(NewsletterPreview.class);

    @Inject
    DeliveryMail mails;

    @Inject
    Theme.Site site;

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
                .end(mails.previewHtml(asPublished(snapshot)));
    }

    /**
     * What publish would announce for it now. Its page's address is the one publish gives the first edition of a
     * date on the public site; only the email's links show it.
     */
    private EditionPublished asPublished(EditionApproved snapshot) {
        String siteUrl = site.url().replaceAll("/+$", "");
        return new EditionPublished(
                snapshot.editionId(),
                siteUrl + "/editions/" + snapshot.date(),
                snapshot.title(),
                snapshot.date(),
                snapshot.lead(),
                snapshot.briefs(),
                snapshot.sections(),
                Instant.now());
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 500) {
            LOG.error("Newsletter preview failed", context.failure());
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
