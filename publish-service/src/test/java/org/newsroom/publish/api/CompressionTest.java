package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text answers go out compressed with brotli or gzip, whichever the client accepts; others as they are. */
@QuarkusTest
class CompressionTest {
    /** REST Assured would otherwise ask for gzip itself and undo it before the test sees the headers. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void pagesStylesheetFeedsAndSitemapsAreCompressed() {
        for (String path : List.of("/", "/archive", ReadersPagesTest.stylesheet(), "/feeds/rss.xml", "/sitemap.xml")) {
            for (String encoding : List.of("br", "gzip")) {
                given().config(RAW)
                        .header("Accept-Encoding", encoding)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .header("Content-Encoding", equalTo(encoding))
                        .header("Vary", containsString("Accept-Encoding"));
            }
        }
    }

    @Test
    void aClientThatAcceptsNoEncodingGetsThePlainText() {
        given().config(RAW)
                .header("Accept-Encoding", "identity")
                .get("/")
                .then()
                .statusCode(200)
                .header("Content-Encoding", nullValue())
                .body(containsString("<!DOCTYPE html>"));
    }
}
