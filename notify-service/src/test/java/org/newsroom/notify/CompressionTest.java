package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** notify's reader pages and the theme's stylesheet go out compressed, as publish's pages do (module theme). */
@QuarkusTest
class CompressionTest {
    /** REST Assured would otherwise ask for gzip itself and undo it before the test sees the headers. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/assets/site\\.[0-9a-f]{12}\\.css)\"");

    @Test
    void theCheckYourInboxPageAndTheStylesheetAreCompressedForAClientThatAcceptsIt() {
        String html = subscribe("identity").extract().asString();
        Matcher stylesheet = STYLESHEET.matcher(html);
        assertTrue(stylesheet.find(), html);

        for (String encoding : List.of("br", "gzip")) {
            compressed(subscribe(encoding), encoding);
            compressed(
                    given().config(RAW)
                            .header("Accept-Encoding", encoding)
                            .get(stylesheet.group(1))
                            .then()
                            .statusCode(200),
                    encoding);
        }
    }

    private static ValidatableResponse subscribe(String encoding) {
        return given().config(RAW)
                .accept("text/html")
                .header("X-Forwarded-For", Readers.client())
                .header("Accept-Encoding", encoding)
                .contentType(ContentType.URLENC)
                .formParam("email", Readers.newAddress("compressed"))
                .post("/subscribe")
                .then()
                .statusCode(200);
    }

    private static void compressed(ValidatableResponse response, String encoding) {
        response.header("Content-Encoding", equalTo(encoding)).header("Vary", containsString("Accept-Encoding"));
    }
}
