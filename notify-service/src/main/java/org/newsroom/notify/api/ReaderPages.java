package org.newsroom.notify.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.newsroom.notify.subscription.Subscriber;

/**
 * The pages behind the links in emails. Opening a link (GET) only shows a page; its buttons are plain HTML forms
 * that POST (mail scanners follow links but do not submit forms). No script and no inline style: the pages work
 * under a Content-Security-Policy that forbids both. Tokens are base64url ({@code [A-Za-z0-9_-]}), so they go into
 * a form's action as they are.
 */
final class ReaderPages {

    private ReaderPages() {}

    /** Browsers (and form submissions) name text/html; API clients get JSON. */
    static boolean wanted(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    static Response page(String title, String body) {
        return Response.ok("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1>
                %s</body></html>
                """.formatted(title, title, body), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    static Response confirm(Subscriber subscriber, String token) {
        return page("Confirm your subscription", """
                <p>Receive the newsletter at %s?</p>
                <form method="post" action="confirm?token=%s">
                <button type="submit">Confirm</button></form>
                """.formatted(escape(subscriber.email), token));
    }

    static Response confirmed(Subscriber subscriber) {
        return page(
                "Subscription confirmed",
                "<p>The newsletter will come to %s.</p>\n".formatted(escape(subscriber.email)));
    }

    static Response unsubscribe(String token) {
        return page("Unsubscribe", """
                <form method="post" action="unsubscribe?token=%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <p>Stop receiving the newsletter at this address?</p>
                <button type="submit">Unsubscribe</button></form>
                """.formatted(token));
    }

    static Response unsubscribed(Subscriber subscriber) {
        return page(
                "Unsubscribed", "<p>%s will receive no more newsletters.</p>\n".formatted(escape(subscriber.email)));
    }

    /** Topics, "sign out every link" and unsubscribe: each its own form, each a POST. */
    static Response preferences(Subscriber subscriber, String token) {
        return page("Your newsletter", """
                <p>%s (%s)</p>
                <form method="post" action="preferences?token=%s">
                <label for="topics">Topics, comma-separated (empty: everything)</label>
                <input id="topics" name="topics" value="%s">
                <button type="submit">Save topics</button></form>
                <form method="post" action="revoke?token=%s">
                <p>Forwarded a newsletter? Make every link in the emails you received so far stop working; the next
                newsletter brings new ones.</p>
                <button type="submit">Sign out all links</button></form>
                <form method="post" action="unsubscribe?token=%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button></form>
                """.formatted(
                        escape(subscriber.email),
                        subscriber.status.name().toLowerCase(Locale.ROOT),
                        token,
                        escape(String.join(", ", subscriber.topicList())),
                        token,
                        token));
    }

    static Response revoked() {
        return page(
                "All links signed out",
                "<p>The links in the emails you received so far no longer work. The "
                        + "next newsletter brings new ones.</p>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
