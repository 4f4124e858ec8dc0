package org.newsroom.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a story is about, for near-duplicate detection across sources: the set of content words of its headline and
 * lede (lower-cased, accents folded, stop words dropped, light suffix stemming), each as a 64-bit hash.
 *
 * <p>Word shingles of length one, not longer: two wires paraphrase one event with the same names, numbers and key
 * terms in a different order and wording, which longer shingles would not see. Only the first {@code maxFeatures}
 * distinct words count, because wire copy agrees most in the lede and drifts apart further down.
 *
 * <p>Besides all its words, a story has names: capitalized words inside sentences, and numbers. Two reports of one
 * event share them (Powell, 4.25, Hualien, 7.1); two events told in the same house template ("X's Socialists won
 * Sunday's election but fell short of a majority") share the words but not the names.
 *
 * <p>The MinHash signature estimates the Jaccard similarity of two word sets; its bands (LSH) are what the index
 * looks up, and candidates found through a shared band are verified on their exact similarities.
 */
public final class Fingerprint {
    private static final Pattern WORD = Pattern.compile("\\p{L}+|\\p{N}+(?:[.,]\\p{N}+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP_WORDS = Set.of(("a about above after again against all also am an and any "
                    + "are as at be because been before being below between both but by can could did do does doing down "
                    + "during each few for from further had has have having he her here hers herself him himself his how i if "
                    + "in into is it its itself just me more most my myself no nor not now of off on once only or other our "
                    + "ours ourselves out over own same she should so some such than that the their theirs them themselves "
                    + "then there these they this those through to too under until up very was we were what when where which "
                    + "while who whom why will with would you your yours yourself yourselves said says say told according "
                    + "new news report reported reports reuters ap afp update updated live latest via per mr ms mrs")
            .split(" "));
    /** Capitalized, but they tell nothing about which event it is: every story has a day. */
    private static final Set<String> NOT_NAMES = Set.of(("monday tuesday wednesday thursday friday saturday sunday "
                    + "january february march april may june july august september october november december")
            .split(" "));

    private final long[] features;
    private final long[] names;

    private Fingerprint(long[] features, long[] names) {
        this.features = features;
        this.names = names;
    }

    /**
     * The fingerprint of a story: its headline, then its text (summary, body…; nulls are skipped). Names are the
     * capitalized words inside sentences and the numbers of the text; not of the headline, whose capitals are a
     * matter of house style (Title Case).
     */
    public static Fingerprint of(int maxFeatures, String headline, String... texts) {
        Set<Long> features = new LinkedHashSet<>();
        Set<Long> names = new LinkedHashSet<>();
        read(headline, maxFeatures, features, null);
        for (String text : texts) {
            read(text, maxFeatures, features, names);
        }
        return new Fingerprint(sorted(features), sorted(names));
    }

    private static void read(String text, int maxFeatures, Set<Long> features, Set<Long> names) {
        if (text == null) {
            return;
        }
        Matcher words = WORD.matcher(text);
        while (words.find() && features.size() < maxFeatures) {
            String word = fold(words.group());
            if (STOP_WORDS.contains(word) || (word.length() < 3 && !Character.isDigit(word.charAt(0)))) {
                continue;
            }
            long feature = hash(stem(word));
            features.add(feature);
            if (names != null && isName(text, words.start()) && !NOT_NAMES.contains(word)) {
                names.add(feature);
            }
        }
    }

    private static boolean isName(String text, int start) {
        char first = text.charAt(start);
        if (Character.isDigit(first)) {
            return true;
        }
        if (!Character.isUpperCase(first)) {
            return false;
        }
        int before = start - 1;
        while (before >= 0 && (Character.isWhitespace(text.charAt(before)) || text.charAt(before) == '"')) {
            before--;
        }
        return before >= 0 && ".!?:-\u2013\u2014".indexOf(text.charAt(before)) < 0;
    }

    private static long[] sorted(Set<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A stored fingerprint: its sorted feature and name hashes. */
    public static Fingerprint stored(long[] sortedFeatures, long[] sortedNames) {
        return new Fingerprint(sortedFeatures.clone(), sortedNames.clone());
    }

    public long[] features() {
        return features.clone();
    }

    public long[] names() {
        return names.clone();
    }

    public int size() {
        return features.length;
    }

    /** Exact Jaccard similarity of the two stories' words. */
    public double similarity(Fingerprint other) {
        return jaccard(features, other.features);
    }

    /**
     * Exact Jaccard similarity of the names and numbers, or 1 when either story has fewer than {@code minimum}
     * (too few to tell two events apart).
     */
    public double nameSimilarity(Fingerprint other, int minimum) {
        return names.length < minimum || other.names.length < minimum ? 1 : jaccard(names, other.names);
    }

    /** |A ∩ B| / |A ∪ B| of two sorted sets. */
    private static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** MinHash signature of {@code length} values, one independent hash function per position. */
    public long[] minHash(int length) {
        long[] signature = new long[length];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long feature : features) {
            for (int k = 0; k < length; k++) {
                long h = mix(feature ^ seed(k));
                if (h < signature[k]) {
                    signature[k] = h;
                }
            }
        }
        return signature;
    }

    /**
     * LSH bands: {@code bands} hashes, each over {@code rows} consecutive MinHash values and its own band number (so
     * equal rows in different bands do not meet). Two stories share at least one band with probability
     * 1 − (1 − J^rows)^bands for a Jaccard similarity J. Empty when there are no features.
     */
    public long[] bands(int bands, int rows) {
        if (features.length == 0) {
            return new long[0];
        }
        long[] signature = minHash(bands * rows);
        long[] out = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = seed(1_000_003 + band);
            for (int row = 0; row < rows; row++) {
                h = mix(h ^ signature[band * rows + row]);
            }
            out[band] = h;
        }
        return out;
    }

    private static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** Just enough stemming that plural and tense variants meet: rates/rate, cuts/cut, raised/raises/raise. */
    static String stem(String word) {
        if (!Character.isLetter(word.charAt(0))) {
            return word;
        }
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.length() > 3 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }

    /** FNV-1a over UTF-8, then a strong mix: stable across JVMs and releases, unlike String.hashCode's 32 bits. */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long seed(int k) {
        return mix(0x9E3779B97F4A7C15L * (k + 1));
    }

    /** The SplitMix64 finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
