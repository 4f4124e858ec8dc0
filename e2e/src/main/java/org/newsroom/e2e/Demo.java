package org.newsroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./newsroom demo}'s walk through the local stack, on sample data, with the end-to-end tests' steps
 * ({@link Newsroom}): a reader signs up, the sample items are pushed, four stories approved (the lead one with its
 * author's bio), today's edition composed and approved, and the emails that arrive shown. Run again, it carries on
 * past what an earlier run did already. The launcher passes the stack's addresses and tokens in the environment
 * (NEWSROOM_DEMO_*); a failed step ends it with exit code 1 and what went wrong.
 */
public final class Demo {
    private static final String READER = "reader@example.org";
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final String LEAD_BIO = "Mara Lindqvist covers shipping and marine insurance for The Harbor Ledger.";
    private static final String LEAD_NOTE =
            "We lead with shipping: freight, not oil, is where this crisis reaches importers first.";
    private static final DateTimeFormatter TITLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final Newsroom newsroom;
    private final String publishUrl;

    Demo(Newsroom newsroom, String publishUrl) {
        this.newsroom = newsroom;
        this.publishUrl = publishUrl;
    }

    public static void main(String[] args) {
        try {
            Newsroom.Endpoints at = new Newsroom.Endpoints(
                    env("INGEST_URL"), env("EDITORIAL_URL"), env("PUBLISH_URL"), env("NOTIFY_URL"));
            Inbox inbox = new Pop3Inbox("127.0.0.1", Integer.parseInt(env("POP3_PORT")));
            new Demo(new Newsroom(at, env("EDITOR_TOKEN"), env("CHIEF_EDITOR_TOKEN"), inbox), at.publishUrl())
                    .run(Path.of(env("ITEMS")));
        } catch (AssertionError | RuntimeException | IOException e) {
            System.err.println("\033[1;31merror:\033[0m demo: " + e.getMessage()
                    + " (see .newsroom/logs/ for the services' logs)");
            System.exit(1);
        }
    }

    void run(Path items) throws IOException {
        JsonNode samples = new ObjectMapper().readTree(items.toFile());
        subscribe();
        info("2/7 pushing " + samples.size() + " sample items to ingest");
        samples.forEach(item -> newsroom.pushItem(item.toString(), null));

        info("3/7 approving four stories in the editorial queue");
        List<String> ids = new ArrayList<>();
        List<String> approvedNow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String headline = samples.get(i).path("headline").asText();
            // The first story leads the edition: an editor gives it its author's bio first.
            Approval approval = approve(headline, i == 0 ? LEAD_BIO : null);
            ids.add(approval.storyId());
            if (approval.byThisRun()) {
                approvedNow.add(approval.storyId());
            }
        }
        if (approvedNow.isEmpty()) {
            info("4/7 and 5/7: the stories were published and e-mailed by an earlier run");
        } else {
            Map<String, Object> publication = newsroom.awaitPublication(approvedNow.get(0), PIPELINE);
            info("4/7 published \"" + publication.get("headline") + "\"");
            info("    published: " + publication.get("url"));
            info("    page:      " + publishUrl + "/stories/" + publication.get("slug"));
            info("5/7 waiting for its e-mail to " + READER);
            show(awaitMail(String.valueOf(publication.get("headline"))));
        }
        String title = edition(ids);
        info("7/7 waiting for the edition's e-mail to " + READER);
        show(awaitMail(title));
        info("demo complete: ingested, approved, published, composed into an edition and e-mailed");
    }

    private void subscribe() {
        info("1/7 subscribing " + READER);
        if (newsroom.subscribe(READER, "Demo Reader", Duration.ofSeconds(20))) {
            info("    subscription confirmed");
        } else {
            warn("no confirmation e-mail: " + READER + " is most likely subscribed already (an earlier run); "
                    + "carrying on");
        }
    }

    /** A story in the edition; an earlier run of the demo may have approved it already. */
    private record Approval(String storyId, boolean byThisRun) {}

    private Approval approve(String headline, String bio) {
        Map<String, Object> story = newsroom.awaitStory(headline, PIPELINE);
        String id = String.valueOf(story.get("id"));
        Object status = story.get("status");
        if (!"NEW".equals(status) && !"IN_REVIEW".equals(status)) {
            info("    \"" + headline + "\" is already " + status + " (earlier run)");
            return new Approval(id, false);
        }
        if (bio != null) {
            newsroom.addAuthorBio(id, bio);
            info("    added the author's bio as editor");
        }
        info("    approving \"" + headline + "\" as chief-editor");
        newsroom.approve(id, null);
        return new Approval(id, true);
    }

    /** Today's edition: the first story leads with an editor's note, the others are numbered briefs. */
    private String edition(List<String> storyIds) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String title = "The Daily Brief — " + TITLE.format(now);
        info("6/7 composing and approving the edition \"" + title + "\"");
        Map<String, Object> edition = new LinkedHashMap<>();
        edition.put("title", title);
        edition.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        edition.put("leadStoryId", storyIds.get(0));
        edition.put("briefs", storyIds.subList(1, storyIds.size()));
        edition.put("leadNote", LEAD_NOTE);
        edition.put("sections", List.of("Geopolitics", "Geoeconomics"));
        newsroom.composeAndApproveEdition(edition);
        info("    edition published: " + newsroom.awaitEdition(title, PIPELINE).get("url"));
        return title;
    }

    private Inbox.Mail awaitMail(String subject) {
        return newsroom.awaitMail(
                READER,
                mail -> mail.subject() != null
                        && String.join(" ", mail.subject().split("\\s+")).contains(subject),
                PIPELINE);
    }

    /** The subject and the first twelve lines of text, as a mail client's preview would. */
    private static void show(Inbox.Mail mail) {
        System.out.println("Subject: " + String.join(" ", mail.subject().split("\\s+")));
        System.out.println(Arrays.stream(mail.body().split("\n"))
                .map(String::stripTrailing)
                .filter(line -> !line.isBlank())
                .limit(12)
                .map(line -> "  " + line)
                .collect(Collectors.joining("\n")));
    }

    private static String env(String name) {
        String value = System.getenv("NEWSROOM_DEMO_" + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("NEWSROOM_DEMO_" + name + " is not set (run it with ./newsroom demo)");
        }
        return value;
    }

    private static void info(String message) {
        System.err.println("\033[1;34m==>\033[0m " + message);
    }

    private static void warn(String message) {
        System.err.println("\033[1;33mwarn:\033[0m " + message);
    }
}
