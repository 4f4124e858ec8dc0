package org.newsroom.bench.startup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.newsroom.bench.publish.PageLoad;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/** Approvals consumed into publications (as editorial announces them), then readers on their pages and the feed. */
record PublishWarmUp(int requests) implements WarmUp {

    @Override
    public String what() {
        return requests + " news.story.approved.v1 published, then " + requests + " article pages and " + requests / 10
                + " RSS feeds";
    }

    @Override
    public void run(Pipeline pipeline, ServiceProcess service) throws Exception {
        pipeline.awaitReady();
        List<String> slugs = new ArrayList<>();
        try (Connection db = Calls.database(pipeline, Pipeline.PUBLISH, Startup.PIPELINE);
                CloudEventRecords records = new CloudEventRecords()) {
            long published = Calls.count(db, "publication");
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < requests; i++) {
                UUID storyId = UUID.randomUUID();
                records.send(
                        Topics.EDITORIAL,
                        storyId.toString(),
                        EventType.STORY_APPROVED.type(),
                        EventCodec.encode(PageLoad.approval(storyId, "Warm-up story " + run + " " + i, i)));
            }
            Calls.awaitRows(db, "publication", published + requests);
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT slug FROM publication ORDER BY published_at DESC LIMIT " + requests)) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
        }
        for (String slug : slugs) {
            Calls.send(Calls.get(service.url() + "/stories/" + slug));
        }
        for (int i = 0; i < requests / 10; i++) {
            Calls.send(Calls.get(service.url() + "/feeds/rss.xml"));
        }
    }
}
