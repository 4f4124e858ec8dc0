package org.newsroom.notify.newsletter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakingAlertsTest {

    @Test
    void unsetMeansNoPublicationIsMailedOnItsOwn() {
        BreakingAlerts none = BreakingAlerts.parse("");
        assertFalse(none.covers(List.of("Politics")));
        assertFalse(none.covers(null));
        assertFalse(BreakingAlerts.parse(" , ").covers(List.of("")));
    }

    @Test
    void listedSectionsMatchCaseInsensitively() {
        BreakingAlerts alerts = BreakingAlerts.parse(" Breaking, elections ");
        assertTrue(alerts.covers(List.of("Markets", "BREAKING")));
        assertTrue(alerts.covers(List.of("Elections")));
        assertFalse(alerts.covers(List.of("Markets")));
        assertFalse(alerts.covers(List.of()));
    }

    @Test
    void starCoversEveryPublicationEvenWithoutSections() {
        BreakingAlerts all = BreakingAlerts.parse("*");
        assertTrue(all.covers(List.of("Culture")));
        assertTrue(all.covers(null));
    }
}
