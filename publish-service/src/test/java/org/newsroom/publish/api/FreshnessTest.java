package org.newsroom.publish.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A page's validator changes with its content and with the release's stylesheet, which the page names. */
class FreshnessTest {

    @Test
    void aNewStylesheetMakesANewTagForTheSameContent() {
        assertEquals(Freshness.tag("story:1", "site.aaa.css"), Freshness.tag("story:1", "site.aaa.css"));
        assertNotEquals(Freshness.tag("story:1", "site.aaa.css"), Freshness.tag("story:1", "site.bbb.css"));
        assertNotEquals(Freshness.tag("story:1", "site.aaa.css"), Freshness.tag("story:2", "site.aaa.css"));
    }
}
