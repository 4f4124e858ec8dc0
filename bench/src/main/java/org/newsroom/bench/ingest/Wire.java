package org.newsroom.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated wire copy: story {@code n} is always the same text (seeded by {@code n}), so a scenario can later write
 * another report of the same event, with the same names and numbers and part of the wording.
 */
public final class Wire {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ba", "de", "fu", "go", "ha", "ji", "ku", "ma", "po", "ri",
        "te", "zo"
    };
    private static final int VOCABULARY = 4000;

    public record Story(String headline, String lede, String body) {
        public String html() {
            // Realistic noise for the sanitizer: a link, emphasis, a tracking pixel and a script that must go.
            return "<p>" + lede + "</p><p>" + body
                    + " <a href=\"https://wire.example/more\">More</a> <em>Ends</em>.</p>"
                    + "<img src=\"https://pixel.example/t.gif\" width=\"1\" height=\"1\"><script>track()</script>";
        }
    }

    private Wire() {}

    /** Story {@code n} as its first agency reports it. */
    public static Story story(long n) {
        return write(n, 0);
    }

    /** Story {@code n} as another agency reports it: same names and numbers, 40% of the words its own. */
    static Story otherReport(long n) {
        return write(n, 1);
    }

    private static Story write(long n, int agency) {
        Random event = new Random(n * 7919);
        Random wording = new Random(n * 7919 + 1 + agency * 104729L);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add(capitalized(word(event, 100_000)));
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String own = word(wording, VOCABULARY);
            String shared = word(event, VOCABULARY);
            words.add(agency == 1 && i % 5 < 2 ? own : shared);
        }
        String headline = names.get(0) + " " + String.join(" ", words.subList(0, 6)) + " " + names.get(1);
        String lede = "The " + words.get(6) + " " + words.get(7) + " of " + names.get(2) + " "
                + String.join(" ", words.subList(8, 18)) + " " + (10 + event.nextInt(90)) + " "
                + String.join(" ", words.subList(18, 24)) + " " + names.get(3) + ".";
        String body = "It " + String.join(" ", words.subList(24, 32)) + " " + names.get(4) + " and " + names.get(5)
                + " " + String.join(" ", words.subList(32, 40)) + " " + (100 + event.nextInt(900)) + ".";
        return new Story(headline, lede, body);
    }

    private static String word(Random random, int vocabulary) {
        int index = random.nextInt(vocabulary);
        StringBuilder word = new StringBuilder();
        do {
            word.append(SYLLABLES[index % SYLLABLES.length]);
            index /= SYLLABLES.length;
        } while (index > 0 || word.length() < 6);
        return word.toString();
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
