package org.newsroom.publish.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.testing.ManagementPort;

/** Counters as {@code /q/metrics} shows them to Prometheus. */
public final class Metrics {

    private Metrics() {}

    public static String scrape() {
        return given().baseUri(ManagementPort.url())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The sum of every series of a counter (all its tag values), 0 before it first counts. */
    public static double total(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    public static double total(String name) {
        return total(scrape(), name);
    }
}
