package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;

/**
 * Stories of items in the same cluster are grouped: the earliest is the primary, the others its alternates, until an
 * editor chooses another primary.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class ClusterTest {
    private static CloudEventRecords records;

    private static ValidatableResponse list(String query) {
        return given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?" + query)
                .then()
                .statusCode(200);
    }

    @Test
    void storiesSharingAClusterAreGroupedUnderTheEarliest() {
        UUID cluster = UUID.randomUUID();
        String word = "zc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID primary = StoryFixtures.newStory(records, StoryFixtures.fullItem("Summit ends " + word, cluster, null));
        UUID alternate = StoryFixtures.newStory(records, StoryFixtures.item("wire-desk", "Summit closes " + word));
        UUID alone = StoryFixtures.newStory(records, "Unclustered " + word);
        UUID second = StoryFixtures.newStory(records, StoryFixtures.fullItem("Leaders part " + word, cluster, null));

        list("cluster=" + cluster + "&order=oldest").body("id", contains(primary.toString(), second.toString()));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + primary)
                .then()
                .statusCode(200)
                .body("clusterId", equalTo(cluster.toString()))
                .body("primary", equalTo(true))
                .body("alternateCount", equalTo(1))
                .body("alternates.id", contains(second.toString()))
                .body("alternates[0].headline", equalTo("Leaders part " + word))
                .body("alternates[0].outlet", equalTo("Global Wire"))
                .body("alternates[0].source", equalTo("global-wire"))
                .body("alternates[0].status", equalTo("NEW"))
                .body("alternates[0].primary", equalTo(false));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + second)
                .then()
                .body("primary", equalTo(false))
                .body("alternates.id", contains(primary.toString()))
                .body("alternates[0].primary", equalTo(true));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + alone)
                .then()
                .body("primary", equalTo(true))
                .body("alternateCount", equalTo(0))
                .body("alternates", empty());

        list("q=" + word + "&order=oldest")
                .body("id", hasSize(4))
                .body("find { it.id == '" + second + "' }.primary", equalTo(false))
                .body("find { it.id == '" + primary + "' }.alternateCount", equalTo(1));
        list("q=" + word + "&order=oldest&primaryOnly=true")
                .body("id", contains(primary.toString(), alternate.toString(), alone.toString()))
                .body("[0].alternateCount", equalTo(1))
                .body("[0].primary", equalTo(true))
                .body("[1].alternateCount", equalTo(0));
    }

    @Test
    void anEditorChoosesWhichStoryLeadsItsCluster() {
        UUID cluster = UUID.randomUUID();
        String word = "zp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID earliest = StoryFixtures.newStory(records, StoryFixtures.fullItem("Truce holds " + word, cluster, null));
        UUID chosen = StoryFixtures.newStory(records, StoryFixtures.fullItem("Ceasefire holds " + word, cluster, null));
        UUID alone = StoryFixtures.newStory(records, "Unclustered " + word);

        given().auth()
                .oauth2(EDITOR)
                .header("If-Match", "\"999\"")
                .when()
                .post("/api/stories/" + chosen + "/primary")
                .then()
                .statusCode(412);
        given().when().post("/api/stories/" + chosen + "/primary").then().statusCode(401);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + chosen + "/primary")
                .then()
                .statusCode(200)
                .body("primary", equalTo(true))
                .body("alternateCount", equalTo(1));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + chosen)
                .then()
                .body("alternates.id", contains(earliest.toString()))
                .body("alternates[0].primary", equalTo(false));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + earliest)
                .then()
                .body("primary", equalTo(false))
                .body("alternates[0].id", equalTo(chosen.toString()))
                .body("alternates[0].primary", equalTo(true));
        list("q=" + word + "&order=oldest&primaryOnly=true")
                .body("id", contains(chosen.toString(), alone.toString()))
                .body("[0].alternateCount", equalTo(1));
        list("cluster=" + cluster + "&order=oldest")
                .body("find { it.id == '" + chosen + "' }.primary", equalTo(true))
                .body("find { it.id == '" + earliest + "' }.primary", equalTo(false));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + chosen + "/history")
                .then()
                .body("action", contains("RECEIVE", "MAKE_PRIMARY"))
                .body("[1].actor", equalTo("erin"))
                .body("[1].changes.clusterPrimary.from", equalTo(earliest.toString()))
                .body("[1].changes.clusterPrimary.to", equalTo(chosen.toString()));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + chosen + "/primary")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + chosen + "/history")
                .then()
                .body("action", contains("RECEIVE", "MAKE_PRIMARY"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + alone + "/primary")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aChosenPrimaryThatMovesToAnotherClusterLeadsNeither() {
        UUID cluster = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        String word = "zm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID earliest = StoryFixtures.newStory(records, StoryFixtures.fullItem("Dam opens " + word, cluster, null));
        UUID joined =
                StoryFixtures.newStory(records, StoryFixtures.fullItem("Reservoir falls " + word, elsewhere, null));
        // Later than the story it will join: it would lead the other cluster only by keeping its choice.
        ItemIngested item = StoryFixtures.fullItem("Dam gates open " + word, cluster, null);
        UUID chosen = StoryFixtures.newStory(records, item);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + chosen + "/primary")
                .then()
                .statusCode(200);

        records.send(
                StoryFixtures.ITEMS,
                item.itemId().toString(),
                EventType.ITEM_UPDATED.type(),
                EventCodec.encode(new ItemUpdated(
                        item.itemId(),
                        2,
                        item.source(),
                        item.externalId(),
                        item.url(),
                        null,
                        item.headline(),
                        item.summary(),
                        item.byline(),
                        item.bodyHtml(),
                        item.bodyText(),
                        item.language(),
                        item.imageUrl(),
                        item.imageCaption(),
                        item.imageCredit(),
                        item.rights(),
                        item.attribution(),
                        item.publishedAt(),
                        null,
                        Instant.now(),
                        elsewhere,
                        item.sections())));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(EDITOR)
                        .when()
                        .get("/api/stories/" + chosen)
                        .then()
                        .body("clusterId", equalTo(elsewhere.toString())));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + earliest)
                .then()
                .body("primary", equalTo(true))
                .body("alternateCount", equalTo(0));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + joined)
                .then()
                .body("primary", equalTo(true))
                .body("alternates.id", contains(chosen.toString()));
    }

    @Test
    void aClusterFilterMustBeAnId() {
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?cluster=not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("cluster"));
    }
}
