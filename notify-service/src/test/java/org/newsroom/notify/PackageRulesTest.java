package org.newsroom.notify;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.PackageRules;

/** Only api uses api, only messaging (the inbound consumer) uses messaging; the rooms depend on neither. */
class PackageRulesTest {

    @Test
    void dependenciesGoOneWay() {
        PackageRules.assertOneWay(Path.of("src/main/java"), "org.newsroom.notify");
    }
}
