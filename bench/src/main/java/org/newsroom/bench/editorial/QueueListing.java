package org.newsroom.bench.editorial;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.Scenario;
import org.newsroom.testing.Databases;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * The editors' queue ({@code GET /api/stories}) over a large desk: editorial-service is started (Flyway creates the
 * schema), then {@code stories} stories are written straight into its database with SQL (generated headlines and
 * summaries from varied word lists, so that full-text search is selective; sources, sections, statuses, one in five
 * in a two-story cluster), the table analysed, and each kind of listing timed one request at a time: the first page,
 * a page from half-way down the keyset, both with a common search term, a selective search, walking the cursor page
 * after page, and the primaries-only view.
 *
 * <p>Arguments: {@code [stories] [samples]} (default 1,000,000 and 300 requests per kind).
 */
public class QueueListing implements Scenario {
    private static final String PIPELINE = "bench_editorial";
    private static final String COMMON = "tariff";
    private static final String SELECTIVE = "pension reform Oslo";
    private static final int BATCH = 100_000;
    private static final int WALK = 200;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestTokens.token("bench", "editor");
    private String base;

    @Override
    public Figures run(List<String> args) throws Exception {
        int stories = args.size() > 0 ? Integer.parseInt(args.get(0)) : 1_000_000;
        int samples = args.size() > 1 ? Integer.parseInt(args.get(1)) : 300;
        try (Pipeline pipeline = Pipeline.create(PIPELINE)) {
            ServiceProcess editorial = pipeline.start(Pipeline.EDITORIAL, Map.of("JAVA_MAX_HEAP", "512m"));
            pipeline.awaitReady();
            base = editorial.url();
            String jdbc = "jdbc:postgresql://" + Databases.host() + ":" + Databases.port() + "/"
                    + Pipeline.database(Pipeline.EDITORIAL, PIPELINE);
            Figures figures = new Figures(
                    "Editors' queue listing (GET /api/stories, 50 per page)",
                    String.format(
                            Locale.ROOT,
                            "%,d stories seeded with SQL into editorial-service's database (PostgreSQL, "
                                    + "ANALYZEd); one editorial-service JVM (-Xmx512m); requests one at a time over "
                                    + "HTTP/1.1 with an editor's JWT, %d per kind after a warm-up of %d of each kind; common term "
                                    + "`%s`, selective `%s`; the deep page starts half-way down the keyset",
                            stories,
                            samples,
                            samples,
                            COMMON,
                            SELECTIVE));
            try (Connection db = DriverManager.getConnection(jdbc, Databases.user(), Databases.password())) {
                long seedStart = System.nanoTime();
                seed(db, stories);
                figures.add(
                        "seeding (INSERT … SELECT generate_series, indexes live, then ANALYZE)",
                        String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - seedStart) / 1e9));
                String deep = cursorAt(db, null, stories / 2);
                int commonMatches = count(db, COMMON);
                String deepCommon = cursorAt(db, COMMON, commonMatches / 2);
                figures.add(
                        "stories matching `" + COMMON + "` / `" + SELECTIVE + "`",
                        String.format(Locale.ROOT, "%,d / %,d", commonMatches, count(db, SELECTIVE)));
                warmUp(deep, samples);
                figures.add("first page", measure("", samples));
                figures.add(
                        "deep page (" + String.format(Locale.ROOT, "%,d", stories / 2) + " stories down)",
                        measure("after=" + deep, samples));
                figures.add("first page, q=" + COMMON, measure("q=" + COMMON, samples));
                figures.add(
                        "deep page, q=" + COMMON + " (" + String.format(Locale.ROOT, "%,d", commonMatches / 2)
                                + " matches down)",
                        measure("q=" + COMMON + "&after=" + deepCommon, samples));
                figures.add("first page, q=" + SELECTIVE, measure("q=" + encode(SELECTIVE), samples));
                figures.add("walking " + WALK + " pages by cursor, q=" + COMMON + " (per page)", walk("q=" + COMMON));
                figures.add("first page, status=NEW,IN_REVIEW", measure("status=NEW,IN_REVIEW", samples));
                figures.add("first page, primaryOnly=true", measure("primaryOnly=true", samples));
            }
            return figures;
        }
    }

    /** Batches of generated stories, committed one by one; realistic rather than random text. */
    private static void seed(Connection db, int stories) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(SEED)) {
            for (int from = 1; from <= stories; from += BATCH) {
                insert.setInt(1, from);
                insert.setInt(2, Math.min(stories, from + BATCH - 1));
                insert.setInt(3, stories);
                insert.executeUpdate();
                System.out.printf(Locale.ROOT, "seeded %,d / %,d%n", Math.min(stories, from + BATCH - 1), stories);
            }
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE story");
        }
    }

    /** A cursor as the service hands it out, for the story at {@code offset} of the (filtered) newest-first order. */
    private static String cursorAt(Connection db, String text, int offset) throws Exception {
        String where = text == null ? "" : " WHERE search @@ websearch_to_tsquery('english', ?)";
        try (PreparedStatement query = db.prepareStatement(
                "SELECT created_at, id FROM story" + where + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT 1")) {
            int i = 1;
            if (text != null) {
                query.setString(i++, text);
            }
            query.setInt(i, offset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String position =
                        row.getObject(1, OffsetDateTime.class).toInstant() + "|" + row.getObject(2, UUID.class);
                return Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int count(Connection db, String text) throws Exception {
        try (PreparedStatement query =
                db.prepareStatement("SELECT count(*) FROM story WHERE search @@ websearch_to_tsquery('english', ?)")) {
            query.setString(1, text);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Lets the service's JIT and the database's caches settle on every kind of listing before anything is timed. */
    private void warmUp(String deep, int samples) throws Exception {
        for (int i = 0; i < samples; i++) {
            for (String query : List.of(
                    "",
                    "after=" + deep,
                    "q=" + COMMON,
                    "q=" + encode(SELECTIVE),
                    "status=NEW,IN_REVIEW",
                    "primaryOnly=true")) {
                get(query);
            }
        }
    }

    private Latencies measure(String query, int samples) throws Exception {
        for (int i = 0; i < samples / 5; i++) {
            get(query);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            latencies.time(() -> get(query));
        }
        return latencies;
    }

    /** Follows X-Next-Cursor from the first page, as an editor paging down would. */
    private Latencies walk(String query) throws Exception {
        Latencies latencies = new Latencies();
        String after = null;
        for (int page = 0; page < WALK; page++) {
            String q = query + (after == null ? "" : "&after=" + after);
            HttpResponse<String> response = latencies.time(() -> get(q));
            after = response.headers().firstValue("X-Next-Cursor").orElse(null);
            if (after == null) {
                break;
            }
        }
        return latencies;
    }

    private HttpResponse<String> get(String query) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/stories?limit=50&" + query))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /api/stories?" + query + " → " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Story {@code i} of {@code n}: the higher {@code i}, the older (one a minute, with jitter). The newest 2% are the
     * desk's open work (NEW, IN_REVIEW, APPROVED), the rest mostly PUBLISHED. One in five shares a cluster with its
     * neighbour.
     */
    private static final String SEED = """
            WITH words AS (SELECT
                ARRAY['Central bank', 'Finance ministry', 'Parliament', 'Tariff talks', 'Oil producers',
                      'Grain exporters', 'Chipmakers', 'Health regulators', 'Port workers', 'Shipping lines',
                      'Coalition partners', 'Bond markets', 'Currency traders', 'Steel makers', 'Wheat farmers',
                      'Trade envoys', 'Pension funds', 'Carmakers', 'Climate negotiators', 'Vaccine makers',
                      'Border officials', 'Election monitors', 'Tech giants', 'Insurers', 'Airlines', 'Refiners',
                      'Copper miners', 'Rail unions', 'Housing lenders', 'Fishing fleets'] AS subjects,
                ARRAY['hold', 'raise', 'cut', 'delay', 'approve', 'reject', 'weigh', 'extend', 'suspend', 'resume',
                      'tighten', 'ease', 'review', 'challenge', 'back', 'block', 'expand', 'freeze', 'renew',
                      'scrap'] AS verbs,
                ARRAY['interest rates', 'export quotas', 'fuel subsidies', 'sanctions', 'budget plans',
                      'import tariffs', 'wage deal', 'emergency aid', 'carbon levy', 'debt ceiling', 'merger review',
                      'grain corridor', 'pipeline deal', 'vaccine rollout', 'port fees', 'bond buying', 'price caps',
                      'tax reform', 'pension reform', 'chip subsidies', 'energy rationing', 'rail strike',
                      'housing support', 'fishing rights', 'water rationing', 'steel quotas', 'antitrust probe',
                      'currency peg', 'stimulus package', 'ceasefire terms'] AS objects,
                ARRAY['Brussels', 'Geneva', 'Jakarta', 'Lagos', 'Santiago', 'Ankara', 'Warsaw', 'Nairobi', 'Manila',
                      'Lima', 'Oslo', 'Hanoi', 'Cairo', 'Riyadh', 'Seoul', 'Mumbai', 'Berlin', 'Madrid', 'Ottawa',
                      'Canberra', 'Dhaka', 'Bogota', 'Kyiv', 'Tbilisi', 'Accra'] AS places,
                ARRAY['analysts', 'economists', 'diplomats', 'investors', 'lawmakers', 'union leaders',
                      'shipping agents', 'farm groups', 'regulators', 'traders'] AS observers,
                ARRAY['inflation', 'growth', 'exports', 'freight costs', 'bond yields', 'food prices',
                      'unemployment', 'the currency', 'fuel prices', 'public debt'] AS measures,
                ARRAY['wire-desk', 'global-wire', 'bbc-world', 'harbor-ledger', 'market-feed', 'eu-observer',
                      'asia-desk', 'africa-report'] AS sources,
                ARRAY['Geopolitics', 'Geoeconomics', 'Markets', 'Health', 'Energy', 'Trade'] AS sections),
            picks AS (SELECT i,
                1 + floor(random() * 30)::int AS s, 1 + floor(random() * 20)::int AS v,
                1 + floor(random() * 30)::int AS o, 1 + floor(random() * 25)::int AS p,
                1 + floor(random() * 10)::int AS w, 1 + floor(random() * 10)::int AS m,
                1 + floor(random() * 20)::int AS v2, random() AS r
                FROM generate_series(?, ?) AS i),
            rows AS (SELECT i, r, w.sources[1 + i % 8] AS source, w.sections[1 + (i * 7) % 6] AS section,
                w.subjects[s] || ' ' || w.verbs[v] || ' ' || w.objects[o] || ' in ' || w.places[p] AS headline,
                w.subjects[s] || ' met in ' || w.places[p] || ' on ' || w.objects[o] || ', and '
                    || w.observers[m] || ' expect the talks to ' || w.verbs[v2] || ' the ' || w.objects[1 + (o + v) % 30]
                    || ' as well.' || E'\\n\\n' || initcap(w.observers[w]) || ' said ' || w.measures[m]
                    || ' could move by ' || (1 + i % 9) || ' percent if ' || lower(w.subjects[1 + (s + p) % 30])
                    || ' ' || w.verbs[v] || ' ' || w.objects[o] || '.' AS summary
                FROM picks, words w)
            INSERT INTO story (id, item_id, source, url, headline, summary, byline, outlet, outlet_url, status, version,
                created_at, updated_at, updated_by, source_headline, source_summary, source_byline, source_outlet,
                source_outlet_url, sections, cluster_id, approved_at, approved_by)
            SELECT gen_random_uuid(), gen_random_uuid(), source, 'https://' || source || '.example/' || i, headline,
                summary, 'Staff reporter', initcap(replace(source, '-', ' ')), 'https://' || source || '.example',
                CASE WHEN i <= ? / 50 THEN (ARRAY['NEW', 'NEW', 'NEW', 'IN_REVIEW', 'APPROVED'])[1 + i % 5]
                     WHEN r < 0.85 THEN 'PUBLISHED' WHEN r < 0.93 THEN 'REJECTED' WHEN r < 0.98 THEN 'CORRECTED'
                     ELSE 'KILLED' END,
                0, now() - i * interval '1 minute' + random() * interval '50 seconds', now(), 'bench', headline,
                summary, 'Staff reporter', initcap(replace(source, '-', ' ')), 'https://' || source || '.example',
                ARRAY[section],
                CASE WHEN i % 10 < 2 THEN md5('cluster-' || (i / 10))::uuid END,
                CASE WHEN r < 0.98 THEN now() END, CASE WHEN r < 0.98 THEN 'bench' END
            FROM rows
            """;
}
