package org.newsroom.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The near-duplicate rule with the configured parameters (application.properties), on realistic wire copy. */
class FingerprintTest {
    private static double threshold;
    private static double nameThreshold;
    private static int minNames;
    private static int maxFeatures;
    private static int bands;
    private static int rows;

    @BeforeAll
    static void configured() throws IOException {
        Properties config = new Properties();
        try (InputStream in = FingerprintTest.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        threshold = Double.parseDouble(config.getProperty("newsroom.ingest.cluster.threshold"));
        nameThreshold = Double.parseDouble(config.getProperty("newsroom.ingest.cluster.name-threshold"));
        minNames = Integer.parseInt(config.getProperty("newsroom.ingest.cluster.min-names"));
        maxFeatures = Integer.parseInt(config.getProperty("newsroom.ingest.cluster.max-features"));
        bands = Integer.parseInt(config.getProperty("newsroom.ingest.cluster.bands"));
        rows = Integer.parseInt(config.getProperty("newsroom.ingest.cluster.rows"));
    }

    private static Fingerprint of(WireStories.Story story) {
        return Fingerprint.of(maxFeatures, story.headline(), story.text());
    }

    private static boolean shareABand(Fingerprint a, Fingerprint b) {
        long[] x = a.bands(bands, rows);
        long[] y = b.bands(bands, rows);
        return IntStream.range(0, x.length).anyMatch(i -> x[i] == y[i]);
    }

    private static boolean verified(Fingerprint a, Fingerprint b) {
        return a.similarity(b) >= threshold && a.nameSimilarity(b, minNames) >= nameThreshold;
    }

    static List<WireStories.Pair> sameEvent() {
        return WireStories.sameEvent();
    }

    static List<WireStories.Pair> differentEvents() {
        return WireStories.differentEvents();
    }

    @ParameterizedTest
    @MethodSource("sameEvent")
    void twoWiresOnOneEventAreFoundAndVerified(WireStories.Pair pair) {
        Fingerprint a = of(pair.a());
        Fingerprint b = of(pair.b());
        assertTrue(shareABand(a, b), pair.name() + ": no shared band, the index would not find it");
        assertTrue(
                verified(a, b),
                pair.name() + ": words " + a.similarity(b) + ", names " + a.nameSimilarity(b, minNames));
    }

    @ParameterizedTest
    @MethodSource("differentEvents")
    void differentEventsOnOneTopicAreNotDuplicates(WireStories.Pair pair) {
        Fingerprint a = of(pair.a());
        Fingerprint b = of(pair.b());
        assertFalse(
                verified(a, b),
                pair.name() + ": words " + a.similarity(b) + ", names " + a.nameSimilarity(b, minNames));
    }

    @Test
    void theSameTemplateWithOtherNamesIsToldApartByItsNames() {
        Fingerprint portugal = of(WireStories.VOTE_WIRE_A);
        Fingerprint spain = of(WireStories.VOTE_SPAIN);
        assertTrue(portugal.similarity(spain) >= threshold, "the words alone would cluster them");
        assertTrue(portugal.nameSimilarity(spain, minNames) < nameThreshold);
    }

    @ParameterizedTest
    @CsvSource({
        "rates,rat",
        "rate,rat",
        "cuts,cut",
        "raised,rais",
        "raises,rais",
        "raising,rais",
        "companies,company",
        "crisis,crisis",
        "bonus,bonus",
        "4.25,4.25"
    })
    void stemmingLetsVariantsMeet(String word, String stem) {
        assertEquals(stem, Fingerprint.stem(word));
    }

    @Test
    void caseAccentsPunctuationAndStopWordsDoNotMatter() {
        Fingerprint a = Fingerprint.of(maxFeatures, "Zürich Bank raises RATES", "The bank said it raised rates.");
        Fingerprint b = Fingerprint.of(maxFeatures, "zurich bank: rate raise");
        assertEquals(1.0, a.similarity(b));
        assertEquals(4, a.size());
    }

    @Test
    void namesAreCapitalizedWordsInsideSentencesAndNumbersButNotTheHeadline() {
        Fingerprint f = Fingerprint.of(
                maxFeatures,
                "Markets Rally Everywhere",
                "Stocks rose on Monday. Traders cheered Powell and the 4.25% level.");
        assertEquals(2, f.names().length, "powell, 4.25; not the headline, a sentence's first word nor a day");
    }

    @Test
    void onlyTheFirstWordsOfALongStoryCount() {
        assertEquals(
                maxFeatures,
                Fingerprint.of(maxFeatures, "headline", words("word", 500)).size());
    }

    @Test
    void hashesAreStableAcrossRunsAndReleases() {
        // Stored band hashes must keep matching after a restart or an upgrade: the hash is pinned here.
        assertEquals(2619758289588852595L, Fingerprint.hash("powell"));
        assertArrayEquals(
                of(WireStories.FED_WIRE_A).bands(bands, rows),
                of(WireStories.FED_WIRE_A).bands(bands, rows));
    }

    @Test
    void minHashEstimatesTheJaccardSimilarity() {
        Fingerprint a = Fingerprint.of(1000, words("shared", 60) + " " + words("only", 10));
        Fingerprint b = Fingerprint.of(1000, words("shared", 60) + " " + words("other", 20));
        long[] x = a.minHash(512);
        long[] y = b.minHash(512);
        double estimate = IntStream.range(0, x.length).filter(i -> x[i] == y[i]).count() / 512.0;
        assertEquals(60.0 / 90, a.similarity(b), 1e-9);
        assertEquals(a.similarity(b), estimate, 0.07);
    }

    /** Distinct words that no stemming rule touches. */
    private static String words(String prefix, int count) {
        String letters = "abcfghijklmnopqrtuvwxyz";
        return IntStream.range(0, count)
                .mapToObj(i -> prefix + letters.charAt(i % letters.length()) + letters.charAt(i / letters.length()))
                .reduce((p, q) -> p + " " + q)
                .orElseThrow();
    }

    @Test
    void nothingToIndexWithoutWords() {
        Fingerprint empty = Fingerprint.of(maxFeatures, "The", "of and to");
        assertEquals(0, empty.size());
        assertEquals(0, empty.bands(bands, rows).length);
    }
}
