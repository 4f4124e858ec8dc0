package org.newsroom.publish.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCaseAsciiWithDashes() {
        assertEquals(
                "tariff-talks-stall-as-eu-u-s-trade-war-looms",
                Slugs.of("  Tariff talks stall, as EU–U.S. trade war looms!  "));
    }

    @Test
    void accentsAreDroppedNotTheLetters() {
        assertEquals("cafe-society-in-sao-paulo", Slugs.of("Café society in São Paulo"));
    }

    @Test
    void nothingSlugWorthyFallsBack() {
        assertEquals("story", Slugs.of("北京 — ?"));
        assertEquals("story", Slugs.of(null));
    }

    @Test
    void atMostEightyCharactersAndNoTrailingDash() {
        String slug = Slugs.of("word ".repeat(40));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertFalse(slug.endsWith("-"));
        assertTrue(Slugs.of("x".repeat(200)).length() == Slugs.MAX_LENGTH);
    }

    @Test
    void candidatesAreNumberedWithinTheLimit() {
        assertEquals("oil-prices-rise", Slugs.candidate("oil-prices-rise", 1));
        assertEquals("oil-prices-rise-2", Slugs.candidate("oil-prices-rise", 2));
        String longBase = Slugs.of("x".repeat(200));
        assertEquals(Slugs.MAX_LENGTH, Slugs.candidate(longBase, 12).length());
        assertTrue(Slugs.candidate(longBase, 12).endsWith("x-12"));
    }
}
