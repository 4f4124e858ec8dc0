package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pages name the theme's stylesheet by its content hash; publish serves it from the shared theme module. */
@QuarkusTest
class ThemeAssetsTest {
    private static final Pattern STYLESHEET =
            Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/site\\.[0-9a-f]{12}\\.css)\">");

    @Test
    void theStylesheetAPageNamesIsServedToBeKeptForAYear() {
        String home = given().get("/").then().statusCode(200).extract().asString();
        Matcher link = STYLESHEET.matcher(home);
        assertTrue(link.find(), home);

        given().get(link.group(1))
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("prefers-color-scheme: dark"))
                .body(containsString("@media print"));
    }

    @Test
    void aStylesheetOfAnotherReleaseIsNotFound() {
        given().get("/assets/site.000000000000.css").then().statusCode(404);
    }
}
