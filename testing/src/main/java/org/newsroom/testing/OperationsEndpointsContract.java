package org.newsroom.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What ops rely on in every service (docs/operations.md, k8s probes), all on the management interface
 * ({@link ManagementPort}): liveness, readiness covering the database and reporting the outbox (Kafka is reported there
 * but never makes a service unready), Prometheus metrics and the OpenAPI document; and none of it on the public port.
 * A service's test extends this class, annotated {@code @QuarkusTest}.
 */
public abstract class OperationsEndpointsContract {

    private static RequestSpecification management() {
        return given().baseUri(ManagementPort.url());
    }

    @Test
    void livenessIsUp() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void startupIsUp() {
        management().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessCoversTheDatabaseAndReportsTheOutboxWithoutDependingOnKafka() {
        management()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Outbox"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'Outbox' }.data.kafka", equalTo("acknowledging"));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        management()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("newsroom_outbox_backlog"))
                .body(containsString("newsroom_outbox_oldest_unsent_age_seconds"))
                .body(containsString("newsroom_outbox_parked"));
    }

    /** Lag is what a consumer's autoscaling (KEDA) and alerts watch; the Kafka client's own metric, via Micrometer. */
    @Test
    void prometheusMetricsIncludeConsumerLagWhereTheServiceConsumes() {
        String metrics = management()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (consumesKafka()) {
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag is exported");
        }
    }

    /** Whether the service reads a Kafka topic; ingest-service only produces. */
    protected boolean consumesKafka() {
        return true;
    }

    @Test
    void openApiDocumentIsServed() {
        management()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", notNullValue());
    }

    /** The public port (the one the Service and compose publish) serves none of the operations endpoints. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health/ready", "/q/health/live"})
    void thePublicPortServesNoOperationsEndpoint(String path) {
        given().when().get(path).then().statusCode(404);
    }
}
