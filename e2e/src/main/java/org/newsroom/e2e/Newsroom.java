package org.newsroom.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the people around a pipeline do through its APIs: partners push items, editors find and edit stories, chief
 * editors approve stories and editions, readers sign up and read their mail. Written once for the end-to-end tests
 * and the demo ({@code ./newsroom demo}, through {@link Demo}), so the walk the demo shows is the one the tests prove.
 * A step that gets an unexpected answer fails with an {@link AssertionError} naming the step and the answer.
 */
public final class Newsroom {
    private static final Pattern CONFIRM_TOKEN = Pattern.compile("confirm\\?token=([^&\"'<>\\s]+)");
    private static final Duration POLL = Duration.ofMillis(500);

    /** The public base URL of each service. */
    public record Endpoints(String ingestUrl, String editorialUrl, String publishUrl, String notifyUrl) {}

    private final Endpoints at;
    private final String editor;
    private final String chiefEditor;
    private final Inbox inbox;

    /**
     * @param editorToken a bearer token with the editor role
     * @param chiefEditorToken a bearer token with the chief-editor role
     */
    public Newsroom(Endpoints at, String editorToken, String chiefEditorToken, Inbox inbox) {
        this.at = at;
        this.editor = editorToken;
        this.chiefEditor = chiefEditorToken;
        this.inbox = inbox;
    }

    /** The same people, talking to another editorial instance (several run side by side when scaled out). */
    public Newsroom withEditorial(String editorialUrl) {
        return new Newsroom(
                new Endpoints(at.ingestUrl(), editorialUrl, at.publishUrl(), at.notifyUrl()),
                editor,
                chiefEditor,
                inbox);
    }

    /**
     * Double opt-in, as a reader does it: subscribe, open the confirmation email, press the button its link shows.
     *
     * @return false when no confirmation email came within {@code wait}: the API answers alike for new and known
     *         addresses (no enumeration), and an address subscribed already gets none
     */
    public boolean subscribe(String reader, String name, Duration wait) {
        int before = inbox.messages(reader).size();
        given().baseUri(at.notifyUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("email", reader, "name", name))
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202);
        Optional<String> token = poll(wait, () -> confirmToken(inbox.messages(reader), before));
        token.ifPresent(value -> given().baseUri(at.notifyUrl())
                .queryParam("token", value)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200));
        return token.isPresent();
    }

    private static Optional<String> confirmToken(List<Inbox.Mail> mails, int skip) {
        return mails.stream()
                .skip(skip)
                .map(mail -> CONFIRM_TOKEN.matcher(mail.body()))
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .reduce((first, last) -> last);
    }

    /** A partner's item, as ingest takes it, with a headline of the caller's and unique ids. */
    public static String item(String headline) {
        return item(headline, "Premiums fell for the first time this year.");
    }

    /**
     * As {@link #item(String)}, with its own summary: items with similar headlines and the same summary are near
     * duplicates to ingest, which clusters them.
     */
    public static String item(String headline, String summary) {
        return item(headline, summary, UUID.randomUUID().toString());
    }

    /**
     * As {@link #item(String, String)}, under the source's own id for it: pushed again with other copy, it is the
     * source's update of that item.
     */
    public static String item(String headline, String summary, String externalId) {
        return """
                {"source":"wire-desk","externalId":"%s","url":"https://example.org/%s",
                 "headline":"%s","summary":"%s",
                 "byline":"D. Hale","outlet":"The Harbor Ledger","outletUrl":"https://example.org"}""".formatted(externalId, externalId, headline, summary);
    }

    /**
     * Pushes one item (JSON) into ingest as an editor.
     *
     * @param traceparent the W3C trace context the push continues, or null to start none
     */
    public void pushItem(String itemJson, String traceparent) {
        traced(given().baseUri(at.ingestUrl()).auth().oauth2(editor), traceparent)
                .contentType(ContentType.JSON)
                .body(itemJson)
                .when()
                .post("/api/items")
                .then()
                .statusCode(201);
    }

    /** The story made from the item with this headline, once editorial has it: its fields as JSON names them. */
    public Map<String, Object> awaitStory(String headline, Duration timeout) {
        // By full text, then the exact headline: the queue may hold many newer stories.
        return poll(
                        timeout,
                        () -> given()
                                .baseUri(at.editorialUrl())
                                .auth()
                                .oauth2(editor)
                                .queryParam("q", headline)
                                .queryParam("limit", 100)
                                .when()
                                .get("/api/stories")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("")
                                .stream()
                                .filter(story -> headline.equals(story.get("headline")))
                                .findFirst())
                .orElseThrow(() -> new AssertionError("no story \"" + headline + "\" in editorial after " + timeout));
    }

    /** An editor adds the author's bio ("About the author" under a lead story), on the version just read. */
    public void addAuthorBio(String storyId, String bio) {
        edit(storyId, Map.of("authorBio", bio));
    }

    /** An editor changes the story's editable fields (sections, editorsNote, dateline…), on the version just read. */
    public void edit(String storyId, Map<String, Object> fields) {
        given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(editor)
                .header("If-Match", etag(storyId, editor))
                .contentType(ContentType.JSON)
                .body(fields)
                .when()
                .patch("/api/stories/" + storyId)
                .then()
                .statusCode(200);
    }

    /**
     * The chief editor approves the story as just read: editorial requires that ETag in If-Match.
     *
     * @param traceparent the W3C trace context the approval continues, or null to start none
     */
    public void approve(String storyId, String traceparent) {
        traced(given().baseUri(at.editorialUrl()).auth().oauth2(chiefEditor), traceparent)
                .header("If-Match", etag(storyId, chiefEditor))
                .when()
                .post("/api/stories/" + storyId + "/approve")
                .then()
                .statusCode(200);
    }

    /** The chief editor retracts a published story, with the reason its page will show. */
    public void kill(String storyId, String reason) {
        given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(chiefEditor)
                .header("If-Match", etag(storyId, chiefEditor))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when()
                .post("/api/stories/" + storyId + "/kill")
                .then()
                .statusCode(200);
    }

    private String etag(String storyId, String token) {
        return given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/stories/" + storyId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The story's publication, once publish lists it (url, slug, headline…). */
    public Map<String, Object> awaitPublication(String storyId, Duration timeout) {
        return poll(
                        timeout,
                        () -> given()
                                .baseUri(at.publishUrl())
                                .queryParam("limit", 200)
                                .when()
                                .get("/api/publications")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("")
                                .stream()
                                .filter(p -> storyId.equals(p.get("storyId")))
                                .findFirst())
                .orElseThrow(() -> new AssertionError("story " + storyId + " not published after " + timeout));
    }

    /** The public page of a publication, as a reader's browser gets it. */
    public String storyPage(String slug) {
        return given().baseUri(at.publishUrl())
                .when()
                .get("/stories/" + slug)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
    }

    /**
     * An editor composes an edition, and the chief editor approves it as composed (its ETag in If-Match).
     *
     * @param edition the edition as editorial takes it: title, date, leadStoryId, briefs, leadNote, sections…
     */
    public void composeAndApproveEdition(Map<String, Object> edition) {
        Map<String, Object> composed = composeEdition(edition);
        given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(chiefEditor)
                .header("If-Match", composed.get("etag"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/editions/" + composed.get("id") + "/approve")
                .then()
                .statusCode(200);
    }

    /**
     * An editor composes a draft edition.
     *
     * @param edition the edition as editorial takes it: title, date, leadStoryId, briefs, leadNote, sections…
     * @return the draft as editorial answers it (id, etag…)
     */
    public Map<String, Object> composeEdition(Map<String, Object> edition) {
        return given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(editor)
                .contentType(ContentType.JSON)
                .body(edition)
                .when()
                .post("/api/editions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /**
     * An editor previews an edition as the desk shows it.
     *
     * @param which {@code page} (publish's edition page) or {@code newsletter} (notify's email)
     */
    public Response preview(String editionId, String which) {
        return given().baseUri(at.editorialUrl())
                .auth()
                .oauth2(editor)
                .accept(ContentType.HTML)
                .when()
                .get("/api/editions/" + editionId + "/preview/" + which);
    }

    /** The edition with this title, once publish lists it (url, date…). */
    public Map<String, Object> awaitEdition(String title, Duration timeout) {
        return poll(
                        timeout,
                        () -> given()
                                .baseUri(at.publishUrl())
                                .when()
                                .get("/api/editions")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("")
                                .stream()
                                .filter(e -> title.equals(e.get("title")))
                                .findFirst())
                .orElseThrow(() -> new AssertionError("edition \"" + title + "\" not published after " + timeout));
    }

    /** The first of the reader's messages that matches, once it arrived. */
    public Inbox.Mail awaitMail(String reader, Predicate<Inbox.Mail> matching, Duration timeout) {
        return poll(
                        timeout,
                        () -> inbox.messages(reader).stream().filter(matching).findFirst())
                .orElseThrow(() -> new AssertionError("no matching email to " + reader + " after " + timeout));
    }

    private static RequestSpecification traced(RequestSpecification request, String traceparent) {
        return traceparent == null ? request : request.header("traceparent", traceparent);
    }

    /** Asks until there is an answer or the time is up (then empty). */
    private static <T> Optional<T> poll(Duration timeout, Supplier<Optional<T>> ask) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = ask.get();
            if (answer.isPresent() || System.nanoTime() > deadline) {
                return answer;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
