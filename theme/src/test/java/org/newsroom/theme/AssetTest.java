package org.newsroom.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssetTest {

    @Test
    void theNameCarriesTheContentsHashSoANewStylesheetIsANewAddress() {
        Asset stylesheet = Asset.fingerprinted("theme/site.css", "text/css");

        assertTrue(stylesheet.name().matches("site\\.[0-9a-f]{12}\\.css"), stylesheet.name());
        assertEquals(
                stylesheet.name(),
                Asset.fingerprinted("theme/site.css", "text/css").name());
        assertTrue(stylesheet.text().contains("prefers-color-scheme: dark"));
        assertTrue(stylesheet.text().contains("@media print"));
    }

    @Test
    void aMissingFileStopsTheServiceFromStartingRatherThanServingAnEmptyStylesheet() {
        assertThrows(IllegalStateException.class, () -> Asset.fingerprinted("theme/missing.css", "text/css"));
    }
}
