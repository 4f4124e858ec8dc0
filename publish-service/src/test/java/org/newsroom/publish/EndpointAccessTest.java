package org.newsroom.publish;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.newsroom.testing.EndpointAccessContract;

/**
 * publish-service is the public site: every operation is open, and this list is the whole of it, so a new endpoint
 * (one that might need a lock) fails here until someone decides (README, "Security").
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccessContract {
    @Override
    protected Set<String> publicOperations() {
        return Set.of(
                "GET /",
                "GET /archive",
                "GET /archive/{date}",
                "GET /stories/{slug}",
                "GET /editions/{slug}",
                "GET /sections/{section}",
                "GET /feeds/rss.xml",
                "GET /feeds/atom.xml",
                "GET /feeds/feed.json",
                "GET /feeds/sections/{section}/{file}",
                "GET /feeds/editions/{file}",
                "GET /api/publications",
                "GET /api/publications/{slug}",
                "GET /api/editions",
                "GET /api/editions/{slug}",
                "GET /contract/asyncapi.yaml",
                "GET /contract/schemas/{type}.json",
                "GET /assets/{name}",
                "GET /robots.txt",
                "GET /sitemap.xml",
                "GET /sitemap-news.xml",
                "GET /thanks/grade",
                "GET /thanks/letter");
    }
}
