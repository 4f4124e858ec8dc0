package org.newsroom.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.org/a?utm_source=x&utm_medium=rss|https://example.org/a",
                "https://example.org/a?id=3&utm_campaign=c&fbclid=abc|https://example.org/a?id=3",
                "https://example.org/a?gclid=1&b=2#section|https://example.org/a?b=2",
                "HTTPS://Example.ORG:443/A/b?Q=1|https://example.org/A/b?Q=1",
                "http://example.org:80|http://example.org/",
                "https://example.org/a?UTM_Source=x&mc_eid=1&msclkid=2|https://example.org/a",
                "https://example.org:8443/a#top|https://example.org:8443/a",
            })
    void trackingParametersAndFragmentsGo(String url, String canonical) {
        assertEquals(canonical, CanonicalUrl.of(url));
    }
}
