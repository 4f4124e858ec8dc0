package org.newsroom.publish.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;
import org.newsroom.problem.InternalRoute;
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

    @Inject
    EditionPage page;

    @Inject
    ObjectMapper json;

    void install(@Observes ManagementInterface management) {
        InternalRoute.install(
                management.router(), PATH, body -> EventCodec.decode(body, EditionApproved.class), this::render, json);
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
}
