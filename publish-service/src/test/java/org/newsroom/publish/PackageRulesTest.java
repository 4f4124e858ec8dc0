package org.newsroom.publish;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.PackageRules;

/** Only api uses api, only messaging (the inbound consumers) uses messaging; the domain depends on neither. */
class PackageRulesTest {

    @Test
    void dependenciesGoOneWay() {
        PackageRules.assertOneWay(Path.of("src/main/java"), "org.newsroom.publish");
    }
}
