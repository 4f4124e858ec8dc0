package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;

/** What the desk's queue shows beside the list: counts per status, and new stories as they arrive. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class QueueLiveTest {
    private static CloudEventRecords records;

    @TestHTTPResource("/api/stories/live")
    URI live;

    @Test
    void countsNameEveryStatusAndFollowANewStory() {
        JsonPath before = counts();
        assertEquals(7, before.getMap("").size(), "every status is named");
        StoryFixtures.newStory(records, "Counted story " + UUID.randomUUID());
        assertEquals(before.getLong("NEW") + 1, counts().getLong("NEW"));
        assertEquals(before.getLong("APPROVED"), counts().getLong("APPROVED"), "the sentinel: others unchanged");
    }

    @Test
    void aDeskListeningIsToldOfEachNewStoryOnce() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(live)
                .header("Authorization", "Bearer " + EDITOR)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertEquals(200, response.statusCode());
                    new Thread(() -> response.body().forEach(lines::add)).start();
                    return response;
                });
        await().atMost(Duration.ofSeconds(10)).until(stream::isDone);
        String first = "Live story " + UUID.randomUUID();
        String second = "Live story " + UUID.randomUUID();
        UUID id = StoryFixtures.newStory(records, first);
        StoryFixtures.newStory(records, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(line -> line.contains(second)));
        List<String> announcing =
                lines.stream().filter(line -> line.contains(first)).toList();
        assertEquals(1, announcing.size(), "announced once: " + lines);
        assertTrue(announcing.get(0).contains(id.toString()), announcing.get(0));
        stream.join().body().close();
    }

    @Test
    void theStreamNeedsASession() {
        given().when().get("/api/stories/live").then().statusCode(401);
    }

    private static JsonPath counts() {
        return given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
