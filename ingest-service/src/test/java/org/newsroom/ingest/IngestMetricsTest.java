package org.newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.ManagementPort;

/** The domain metrics at /q/metrics move with what ingestion does, per source. */
@QuarkusTest
class IngestMetricsTest {
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private final Random random = new Random();

    @Test
    void ingestedUpdatedDuplicatesFailuresAndLookupTimesAreCounted() {
        String wireA = partner();
        String wireB = partner();
        String company = name();
        String target = name();
        String city = name();
        int billions = 2 + random.nextInt(5);
        int premium = 20 + random.nextInt(10);
        String first =
                story(company, target, city, billions, premium, "agreed on Monday to buy rival", "in a cash deal");
        String sameEvent = story(
                company, target, city, billions, premium, "will acquire competitor", "paying cash, it said Monday");
        double lookupsBefore = value("newsroom_ingest_cluster_lookup_seconds_count");

        push(wireA, "urn:a:1", company + " to buy " + target, first, 201);
        push(wireA, "urn:a:1", company + " to buy " + target, first, 200);
        push(wireA, "urn:a:1", company + " to buy " + target, first + " Shares rose.", 200);
        push(wireB, "urn:b:1", target + " agrees to takeover by " + company, sameEvent, 201);

        assertEquals(1, value("newsroom_ingest_items_ingested_total", source(wireA)));
        assertEquals(1, value("newsroom_ingest_items_duplicates_total", source(wireA), "kind=\"unchanged\""));
        assertEquals(1, value("newsroom_ingest_items_updated_total", source(wireA)));
        assertEquals(1, value("newsroom_ingest_items_ingested_total", source(wireB)));
        assertEquals(1, value("newsroom_ingest_items_duplicates_total", source(wireB), "kind=\"near_duplicate\""));
        assertEquals(lookupsBefore + 2, value("newsroom_ingest_cluster_lookup_seconds_count"));
        String metrics = metrics();
        assertTrue(metrics.contains("newsroom_ingest_cluster_lookup_seconds{quantile=\"0.5\""), "p50 published");
        assertTrue(metrics.contains("newsroom_ingest_cluster_lookup_seconds{quantile=\"0.99\""), "p99 published");

        String feed = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String feedId = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"url\":\"http://127.0.0.1:9/nothing.xml\",\"enabled\":false}".formatted(feed))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ops().when().post("/api/sources/" + feedId + "/fetch").then().statusCode(200);
        ops().when().post("/api/sources/" + feedId + "/fetch").then().statusCode(200);
        assertEquals(2, value("newsroom_ingest_fetch_failures_total", source(feed)));
    }

    private static String story(
            String company, String target, String city, int billions, int premium, String verb, String how) {
        return ("%s %s %s for $%d billion %s, betting on demand for freight in %s. The offer values %s at a %d%% premium. "
                        + "Regulators in Brussels must approve the takeover, expected to close next year.")
                .formatted(company, verb, target, billions, how, city, target, premium);
    }

    private String name() {
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static String partner() {
        return "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void push(String partner, String uri, String headline, String body, int status) {
        String key = KEYS.computeIfAbsent(
                partner,
                p -> ops().contentType(ContentType.JSON)
                        .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(p))
                        .when()
                        .post("/api/sources")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("apiKey"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"%s\",\"headline\":\"%s\",\"body_html\":\"<p>%s</p>\"}".formatted(uri, headline, body))
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(status);
    }

    private static String source(String name) {
        return "source=\"" + name + "\"";
    }

    private static String metrics() {
        return given().baseUri(ManagementPort.url())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The value of the series that has all these labels (name="value"); 0 when it does not exist yet. */
    private static double value(String series, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics());
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
