package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prod renders real values from one file, k8s/overlays/prod/prod.env. The repository ships placeholders there, so the
 * shipped render must be refused, naming the keys to fill; the same overlay with a filled prod.env must pass.
 */
class ProdValuesTest {

    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);
    private static final Map<String, String> FILLED = Map.ofEntries(
            Map.entry("DOMAIN", "news-desk.org"),
            Map.entry("GATEWAY_CLASS", "eg"),
            Map.entry("CLUSTER_ISSUER", "letsencrypt"),
            Map.entry("TRUSTED_PROXIES", "10.8.0.0/16"),
            Map.entry("JWKS_URL", "https://id.news-desk.org/realms/newsroom/protocol/openid-connect/certs"),
            Map.entry("JWT_ISSUER", "https://id.news-desk.org/realms/newsroom"),
            Map.entry("BACKUP_DESTINATION", "s3://news-desk-backups/newsroom-pg"),
            Map.entry("BACKUP_ENDPOINT", "https://s3.eu-west-1.amazonaws.com"),
            Map.entry("SMTP_HOST", "smtp.news-desk.org"),
            Map.entry("MAIL_FROM", "newsroom@news-desk.org"),
            Map.entry("LETTERS_ADDRESS", "letters@news-desk.org"),
            Map.entry("INGEST_IMAGE", "ghcr.io/newsroom/ingest-service" + DIGEST),
            Map.entry("EDITORIAL_IMAGE", "ghcr.io/newsroom/editorial-service" + DIGEST),
            Map.entry("PUBLISH_IMAGE", "ghcr.io/newsroom/publish-service" + DIGEST),
            Map.entry("NOTIFY_IMAGE", "ghcr.io/newsroom/notify-service" + DIGEST));

    @Test
    void theShippedProdRenderIsRefusedNamingTheKeysToFill() throws Exception {
        Path prodEnv = Repository.ROOT.resolve("k8s/overlays/prod/prod.env");
        String render = Repository.kubectl().kustomize(Repository.ROOT.resolve("k8s/overlays/prod"));

        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(render, prodEnv));
        List<String> toFill = FILLED.keySet().stream()
                .filter(key -> !key.equals("TRUSTED_PROXIES")) // a real default: the private ranges
                .sorted()
                .toList();
        assertEquals(toFill, ProdValues.unfilledKeys(prodEnv).stream().sorted().toList());
        assertTrue(refusal.getMessage().contains("fill " + ProdValues.unfilledKeys(prodEnv)), refusal.getMessage());
    }

    @Test
    void aFilledProdEnvRendersNoPlaceholderAndEveryImageByDigest(@TempDir Path copy) throws Exception {
        copyTree(Repository.ROOT.resolve("k8s"), copy.resolve("k8s"));
        Path prodEnv = copy.resolve("k8s/overlays/prod/prod.env");
        Files.writeString(prodEnv, fill(Files.readString(prodEnv)));

        String render = Repository.kubectl().kustomize(copy.resolve("k8s/overlays/prod"));
        ProdValues.requireReal(render, prodEnv);

        Manifests manifests = Manifests.parse(render);
        assertEquals("eg", manifests.named(Gateway.class, "newsroom").spec().gatewayClassName());
        assertEquals(
                "ghcr.io/newsroom/notify-service" + DIGEST,
                manifests
                        .named(Deployment.class, "notify-service")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getInitContainers()
                        .get(0)
                        .getImage());
        assertTrue(render.contains("https://news.news-desk.org"), "the public base URL");
        assertTrue(render.contains("- partners.news-desk.org"), "the partners route and certificate");
    }

    /** Every KEY=value of prod.env replaced by its filled value; a key the test does not know fails it. */
    private static String fill(String prodEnv) {
        StringBuilder filled = new StringBuilder();
        for (String line : prodEnv.lines().toList()) {
            if (line.startsWith("#") || !line.contains("=")) {
                filled.append(line).append('\n');
                continue;
            }
            String key = line.substring(0, line.indexOf('='));
            assertTrue(FILLED.containsKey(key), "a value for " + key);
            filled.append(key).append('=').append(FILLED.get(key)).append('\n');
        }
        return filled.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
