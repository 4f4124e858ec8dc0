package org.newsroom.notify.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.newsletter.DeliveryMail;
import org.newsroom.problem.InternalRoute;
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

    @Inject
    DeliveryMail mails;

    @Inject
    Theme.Site site;

    @Inject
    ObjectMapper json;

    void install(@Observes ManagementInterface management) {
        InternalRoute.install(
                management.router(),
                PATH,
                body -> EventCodec.decode(body, EditionApproved.class),
                snapshot -> mails.previewHtml(asPublished(snapshot)),
                json);
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
}
