package org.newsroom.notify.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.newsroom.notify.subscription.Sections.Topic;
import org.newsroom.notify.subscription.Subscriber;

/**
 * The pages behind the links in emails and the site's subscribe box, in the site's theme (module {@code theme}).
 * Opening a link (GET) only shows a page; its buttons are plain HTML forms that POST (mail scanners follow links but
 * do not submit forms). No script and no inline style: the pages work under a Content-Security-Policy that forbids
 * both. Tokens are base64url ({@code [A-Za-z0-9_-]}), so they go into a form's action as they are.
 */
final class ReaderPages {
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private ReaderPages() {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String email, String token);

        static native TemplateInstance confirmed(String email);

        static native TemplateInstance unsubscribe(String email, String token);

        static native TemplateInstance unsubscribed(String email, List<Topic> topics);

        static native TemplateInstance preferences(
                String email, boolean paused, List<TopicChoice> topics, String token);

        static native TemplateInstance saved(String email, boolean paused, List<String> topics, String token);

        static native TemplateInstance revoked();

        static native TemplateInstance checkInbox();

        static native TemplateInstance checkAddress(List<Topic> topics);

        static native TemplateInstance linkProblem(String title, String explanation, String advice, List<Topic> topics);
    }

    /** A topic on the preferences form, checked when the reader chose it. */
    record TopicChoice(String slug, String name, boolean checked) {}

    /** Browsers (and form submissions) name text/html; API clients get JSON. */
    static boolean wanted(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    static Response page(TemplateInstance page) {
        return page(Response.Status.OK, page);
    }

    static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).entity(page).type(HTML).build();
    }

    static Response confirm(Subscriber subscriber, String token) {
        return page(Templates.confirm(subscriber.email, token));
    }

    static Response confirmed(Subscriber subscriber) {
        return page(Templates.confirmed(subscriber.email));
    }

    static Response unsubscribe(Subscriber subscriber, String token) {
        return page(Templates.unsubscribe(subscriber.email, token));
    }

    static Response unsubscribed(Subscriber subscriber, List<Topic> topics) {
        return page(Templates.unsubscribed(subscriber.email, topics));
    }

    /** Topics, pause and save; "sign out every link"; unsubscribe: each its own form, each a POST. */
    static Response preferences(Subscriber subscriber, List<Topic> offered, String token) {
        Set<String> chosen = Set.copyOf(subscriber.topicList());
        List<TopicChoice> topics = offered.stream()
                .map(t -> new TopicChoice(t.slug(), t.name(), chosen.contains(t.slug())))
                .toList();
        return page(Templates.preferences(subscriber.email, subscriber.paused, topics, token));
    }

    static Response saved(Subscriber subscriber, List<Topic> offered, String token) {
        List<String> names = offered.stream()
                .filter(t -> subscriber.topicList().contains(t.slug()))
                .map(Topic::name)
                .toList();
        return page(Templates.saved(subscriber.email, subscriber.paused, names, token));
    }

    static Response revoked() {
        return page(Templates.revoked());
    }
}
