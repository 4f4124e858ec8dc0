package org.newsroom.notify.newsletter;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.notify.subscription.Tokens;

/** The emails readers get: a breaking alert about one publication, or the whole edition (Qute text and HTML). */
@ApplicationScoped
public class DeliveryMail {
    /** What a preview's reader links carry instead of a reader's token: no reader's links, and no valid token. */
    public static final String PREVIEW_TOKEN = "preview";

    @Inject
    @Location("edition.txt")
    Template editionText;

    @Inject
    @Location("edition.html")
    Template editionHtml;

    @Inject
    Tokens tokens;

    @Inject
    NotifySettings config;

    Mail compose(ClaimedDelivery.Due due) {
        StringBuilder text = new StringBuilder();
        EditionMail.paragraphs(due.summary()).forEach(p -> text.append(p).append("\n\n"));
        text.append("Read on: ").append(due.url()).append("\n\n");
        text.append("— ").append(due.outlet());
        String outletLink = EditionMail.webLink(due.outletUrl());
        if (outletLink != null) {
            text.append(' ').append(outletLink);
        }
        text.append('\n');
        String unsubscribe = unsubscribeLink(due);
        text.append("\n--\nUnsubscribe: ")
                .append(unsubscribe)
                .append('\n')
                .append("Change your topics: ")
                .append(preferencesLink(due))
                .append('\n');
        return unsubscribable(Mail.withText(due.email(), due.headline(), text.toString()), unsubscribe);
    }

    Mail compose(ClaimedDelivery.EditionDue due) {
        EditionPublished edition = EventCodec.decode(due.data(), EditionPublished.class);
        String unsubscribe = unsubscribeLink(due);
        EditionMail view = view(edition, unsubscribe, preferencesLink(due));
        return unsubscribable(
                Mail.withText(
                                due.email(),
                                edition.title(),
                                editionText.data(view).render())
                        .setHtml(editionHtml.data(view).render()),
                unsubscribe);
    }

    /**
     * The edition email's HTML part as a reader would get it, for the desk's preview of an edition not published
     * yet: there is no reader, so the reader's own links carry a placeholder instead of a signed token.
     */
    public String previewHtml(EditionPublished edition) {
        return editionHtml
                .data(view(edition, link("unsubscribe", PREVIEW_TOKEN), link("preferences", PREVIEW_TOKEN)))
                .render();
    }

    private EditionMail view(EditionPublished edition, String unsubscribe, String preferences) {
        return EditionMail.of(
                edition,
                new EditionMail.Footer(
                        unsubscribe, preferences, config.lettersAddress(), gradeLink(config.gradeUrl(), edition)));
    }

    /** RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL. */
    private static Mail unsubscribable(Mail mail, String unsubscribe) {
        return mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /**
     * @param gradeUrl where "grade this edition" points; empty: the edition's own page, at its grading anchor
     * @return null when there is nothing to link to (no grade URL, and the edition's own is not http(s))
     */
    static String gradeLink(Optional<String> gradeUrl, EditionPublished edition) {
        if (gradeUrl.isEmpty() || gradeUrl.get().isBlank()) {
            String page = EditionMail.webLink(edition.url());
            return page == null ? null : page + "#grade";
        }
        String base = gradeUrl.get().strip();
        return base + (base.contains("?") ? "&" : "?") + "edition=" + edition.editionId();
    }

    private String unsubscribeLink(ClaimedDelivery due) {
        return link("unsubscribe", token(due));
    }

    private String preferencesLink(ClaimedDelivery due) {
        return link("preferences", token(due));
    }

    private String link(String page, String token) {
        return base() + "/api/subscriptions/" + page + "?token=" + token;
    }

    private String token(ClaimedDelivery due) {
        return tokens.subscription(due.subscriberId(), due.email(), due.tokenVersion());
    }

    private String base() {
        String base = config.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
