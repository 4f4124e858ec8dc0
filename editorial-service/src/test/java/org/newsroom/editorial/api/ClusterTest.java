package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TestTokens;

/** Stories of items in the same cluster are grouped: the earliest is the primary, the others its alternates. */
@QuarkusTest
class ClusterTest {
    private static final CloudEventRecords RECORDS = new CloudEventRecords();
    private static final String EDITOR = TestTokens.token("erin", "editor");

    @AfterAll
    static void close() {
        RECORDS.close();
    }

    private static ValidatableResponse list(String query) {
        return given().auth().oauth2(EDITOR).when().get("/api/stories?" + query).then().statusCode(200);
    }

    @Test
    void storiesSharingAClusterAreGroupedUnderTheEarliest() {
        UUID cluster = UUID.randomUUID();
        String word = "zc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID primary = StoryFixtures.newStory(RECORDS, StoryFixtures.fullItem("Summit ends " + word, cluster, null));
        UUID alternate = StoryFixtures.newStory(RECORDS, StoryFixtures.item("wire-desk", "Summit closes " + word));
        UUID alone = StoryFixtures.newStory(RECORDS, "Unclustered " + word);
        UUID second = StoryFixtures.newStory(RECORDS, StoryFixtures.fullItem("Leaders part " + word, cluster, null));

        list("cluster=" + cluster + "&order=oldest").body("id", contains(primary.toString(), second.toString()));

        given().auth().oauth2(EDITOR).when().get("/api/stories/" + primary).then().statusCode(200)
                .body("clusterId", equalTo(cluster.toString()))
                .body("primary", equalTo(true))
                .body("alternateCount", equalTo(1))
                .body("alternates.id", contains(second.toString()))
                .body("alternates[0].headline", equalTo("Leaders part " + word))
                .body("alternates[0].outlet", equalTo("Global Wire"))
                .body("alternates[0].source", equalTo("global-wire"))
                .body("alternates[0].status", equalTo("NEW"))
                .body("alternates[0].primary", equalTo(false));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + second).then()
                .body("primary", equalTo(false))
                .body("alternates.id", contains(primary.toString()))
                .body("alternates[0].primary", equalTo(true));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + alone).then()
                .body("primary", equalTo(true)).body("alternateCount", equalTo(0)).body("alternates", empty());

        list("q=" + word + "&order=oldest").body("id", hasSize(4))
                .body("find { it.id == '" + second + "' }.primary", equalTo(false))
                .body("find { it.id == '" + primary + "' }.alternateCount", equalTo(1));
        list("q=" + word + "&order=oldest&primaryOnly=true")
                .body("id", contains(primary.toString(), alternate.toString(), alone.toString()))
                .body("[0].alternateCount", equalTo(1))
                .body("[0].primary", equalTo(true))
                .body("[1].alternateCount", equalTo(0));
    }

    @Test
    void aClusterFilterMustBeAnId() {
        given().auth().oauth2(EDITOR).when().get("/api/stories?cluster=not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("cluster"));
    }
}
