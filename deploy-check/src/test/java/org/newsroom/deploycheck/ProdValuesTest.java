package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prod renders real values from one place each: its environment from k8s/overlays/prod/values/prod.env (read by the
 * overlay and by the data tier, k8s/data/prod), the release's images
 * from the {@code images:} block of the overlay's kustomization.yaml, by digest. The repository ships placeholders in
 * both, so the shipped render must be refused, naming what to fill; the same overlay filled must pass, and one image
 * left on a tag or on a malformed digest must be refused again.
 */
class ProdValuesTest {

    private static final String SHIPPED_DIGEST = "digest: sha256:PLACEHOLDER-release-digest";
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String REGISTRY = "registry.news-desk.org/newsroom/";
    private static final List<String> SERVICE_IMAGES = Stream.of(
                    "ingest-service", "editorial-service", "publish-service", "notify-service")
            .map(service -> "ghcr.io/newsroom/" + service)
            .toList();
    private static final Map<String, String> FILLED = Map.ofEntries(
            Map.entry("DOMAIN", "news-desk.org"),
            Map.entry("GATEWAY_CLASS", "eg"),
            Map.entry("CLUSTER_ISSUER", "letsencrypt"),
            Map.entry("TRUSTED_PROXIES", "10.8.0.0/16"),
            Map.entry("JWKS_URL", "https://id.news-desk.org/realms/newsroom/protocol/openid-connect/certs"),
            Map.entry("JWT_ISSUER", "https://id.news-desk.org/realms/newsroom"),
            Map.entry("BACKUP_DESTINATION", "s3://news-desk-backups/newsroom-pg"),
            Map.entry("BACKUP_ENDPOINT", "https://s3.eu-west-1.amazonaws.com"),
            Map.entry("STORAGE_CLASS", "gp3-retain"),
            Map.entry("SMTP_HOST", "smtp.news-desk.org"),
            Map.entry("MAIL_FROM", "newsroom@news-desk.org"),
            Map.entry("LETTERS_ADDRESS", "letters@news-desk.org"));

    @Test
    void theShippedProdRenderIsRefusedNamingTheKeysAndImagesToFill() throws Exception {
        Path overlay = Repository.ROOT.resolve("k8s/overlays/prod");
        String render = Repository.kubectl().kustomize(overlay);

        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(render, overlay));
        List<String> toFill = FILLED.keySet().stream()
                .filter(key -> !key.equals("TRUSTED_PROXIES")) // a real default: the private ranges
                .sorted()
                .toList();
        assertEquals(toFill, ProdValues.unfilledKeys(overlay).stream().sorted().toList());
        assertEquals(SERVICE_IMAGES, ProdValues.unpinnedImages(overlay));
        assertTrue(
                refusal.getMessage()
                        .contains("fill " + ProdValues.unfilledKeys(overlay) + " in values/prod.env and pin "
                                + SERVICE_IMAGES
                                + " by digest"),
                refusal.getMessage());
    }

    @Test
    void aFilledProdOverlayRendersNoPlaceholderAndEveryImageByDigest(@TempDir Path copy) throws Exception {
        Path overlay = filledCopy(copy);

        String render = Repository.kubectl().kustomize(overlay);
        ProdValues.requireReal(render, overlay);

        Manifests manifests = Manifests.parse(render);
        assertEquals("eg", manifests.named(Gateway.class, "newsroom").spec().gatewayClassName());
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String release = REGISTRY + deployment.getMetadata().getName() + "@" + DIGEST;
            assertEquals(
                    List.of(release, release),
                    ProdValues.images(deployment),
                    "the service and its migrate init container");
        }
        assertTrue(render.contains("https://news.news-desk.org"), "the public base URL");
        assertTrue(render.contains("- partners.news-desk.org"), "the partners route and certificate");
    }

    /** The data tier reads the same prod.env: shipped, it is refused for the backups' bucket, endpoint, StorageClass. */
    @Test
    void theShippedProdDataTierIsRefused() throws Exception {
        Path overlay = Repository.ROOT.resolve("k8s/overlays/prod");
        String render = Repository.renderedData("prod");

        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(render, overlay));
        for (String placeholder : List.of(
                "PLACEHOLDER-prod-backup-bucket",
                "PLACEHOLDER-prod-object-store-endpoint",
                "PLACEHOLDER-retain-storage-class")) {
            assertTrue(refusal.getMessage().contains(placeholder), placeholder + " in " + refusal.getMessage());
        }
    }

    @Test
    void aFilledProdDataTierRendersProdEnvsValues(@TempDir Path copy) throws Exception {
        Path overlay = filledCopy(copy);

        String render = Repository.kubectl().kustomize(copy.resolve("k8s/data/prod"));
        ProdValues.requireReal(render, overlay);

        Manifests manifests = Manifests.parse(render);
        CnpgCluster cluster = manifests.named(CnpgCluster.class, "newsroom-pg");
        assertEquals(FILLED.get("STORAGE_CLASS"), cluster.spec().storage().storageClass(), "the volumes' StorageClass");
        BarmanObjectStore.Configuration store = manifests
                .named(BarmanObjectStore.class, "newsroom-backups")
                .spec()
                .configuration();
        assertEquals(FILLED.get("BACKUP_DESTINATION"), store.destinationPath());
        assertEquals(FILLED.get("BACKUP_ENDPOINT"), store.endpointURL());
    }

    /** A release names its images in exactly one place: prod.env and the replacements hold none. */
    @Test
    void theReleaseImagesAreTheOverlaysImagesBlockAndNothingElse() throws Exception {
        Path overlay = Repository.ROOT.resolve("k8s/overlays/prod");
        JsonNode kustomization =
                StrictMapper.YAML.readTree(overlay.resolve("kustomization.yaml").toFile());

        List<JsonNode> images = StreamSupport.stream(
                        kustomization.path("images").spliterator(), false)
                .toList();
        assertEquals(
                SERVICE_IMAGES,
                images.stream().map(image -> image.path("name").asText()).toList());
        for (JsonNode image : images) {
            assertTrue(image.has("newName") && image.has("digest") && !image.has("newTag"), image.toString());
        }
        List<String> baseImages = Repository.overlay("dev").all(Deployment.class).stream()
                .flatMap(deployment -> ProdValues.images(deployment).stream())
                .map(image -> image.substring(0, image.lastIndexOf(':')))
                .distinct()
                .sorted()
                .toList();
        assertEquals(SERVICE_IMAGES.stream().sorted().toList(), baseImages, "every image the Deployments run");
        assertFalse(
                Files.readString(overlay.resolve(ProdValues.PROD_ENV)).contains("IMAGE="), "prod.env names no image");
        JsonNode values = StrictMapper.YAML.readTree(overlay.resolve(ProdValues.PROD_ENV)
                .resolveSibling("kustomization.yaml")
                .toFile());
        assertFalse(values.path("replacements").isEmpty(), "the values' replacements");
        assertFalse(values.path("replacements").toString().contains("image"), "no replacement sets an image");
        assertFalse(kustomization.has("replacements"), "the overlay's own replacements: none, the values' component");
    }

    @Test
    void aProdImageOnATagIsRefused(@TempDir Path copy) throws Exception {
        Path overlay = filledCopy(copy);
        Path kustomization = overlay.resolve("kustomization.yaml");
        String pinned = "newName: " + REGISTRY + "publish-service\n    digest: " + DIGEST;
        String tagged = Files.readString(kustomization);
        assertTrue(tagged.contains(pinned), pinned);
        Files.writeString(
                kustomization, tagged.replace(pinned, "newName: " + REGISTRY + "publish-service\n    newTag: 0.2.0"));

        String render = Repository.kubectl().kustomize(overlay);
        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(render, overlay));
        assertEquals(List.of("ghcr.io/newsroom/publish-service"), ProdValues.unpinnedImages(overlay));
        assertTrue(
                refusal.getMessage().contains("image not by digest: " + REGISTRY + "publish-service:0.2.0"),
                refusal.getMessage());
    }

    @Test
    void aDigestThatIsNotSha256Of64HexDigitsIsRefused(@TempDir Path copy) throws Exception {
        Path overlay = filledCopy(copy);
        Path kustomization = overlay.resolve("kustomization.yaml");
        String filled = Files.readString(kustomization);
        Files.writeString(kustomization, filled.replaceFirst("digest: " + DIGEST, "digest: sha256:0123456789abcdef"));

        String render = Repository.kubectl().kustomize(overlay);
        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(render, overlay));
        assertEquals(List.of("ghcr.io/newsroom/ingest-service"), ProdValues.unpinnedImages(overlay));
        assertTrue(
                refusal.getMessage()
                        .contains("image not by digest: " + REGISTRY + "ingest-service@sha256:0123456789abcdef"),
                refusal.getMessage());
    }

    @Test
    void aPodOnATagInAFilledRenderIsRefused(@TempDir Path copy) throws Exception {
        Path overlay = filledCopy(copy);
        String render = Repository.kubectl().kustomize(overlay);
        ProdValues.requireReal(render, overlay);

        String withPod = render + "---\n" + Files.readString(Repository.ROOT.resolve("k8s/ops/kafka-client.yaml"));
        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> ProdValues.requireReal(withPod, overlay));
        assertTrue(refusal.getMessage().contains("image not by digest: apache/kafka:"), refusal.getMessage());
    }

    /**
     * The same check on an operator's filled overlay before it is applied (docs/operations.md, "Upgrade a service"):
     * {@code -Dtest='ProdValuesTest#theGivenProdOverlayIsReady' -Dnewsroom.prod.overlay=<dir>}, and on its data tier,
     * {@code k8s/data/prod} of the same copy. Skipped without.
     */
    @Test
    @EnabledIfSystemProperty(named = "newsroom.prod.overlay", matches = ".+")
    void theGivenProdOverlayIsReady() throws Exception {
        Path overlay = Path.of(System.getProperty("newsroom.prod.overlay")).toAbsolutePath();
        ProdValues.requireReal(Repository.kubectl().kustomize(overlay), overlay);
        Path data = overlay.resolve("../../data/prod").normalize();
        ProdValues.requireReal(Repository.kubectl().kustomize(data), overlay);
    }

    /** A copy of k8s/ whose prod overlay has every prod.env key filled and every image pinned to a digest. */
    private static Path filledCopy(Path copy) throws IOException {
        copyTree(Repository.ROOT.resolve("k8s"), copy.resolve("k8s"));
        Path overlay = copy.resolve("k8s/overlays/prod");
        Path prodEnv = overlay.resolve(ProdValues.PROD_ENV);
        Files.writeString(prodEnv, fill(Files.readString(prodEnv)));
        Path kustomization = overlay.resolve("kustomization.yaml");
        String images = Files.readString(kustomization);
        for (String image : SERVICE_IMAGES) {
            String shipped = "newName: " + image + "\n    " + SHIPPED_DIGEST;
            assertTrue(images.contains(shipped), shipped);
            images = images.replace(
                    shipped,
                    "newName: " + REGISTRY + image.substring(image.lastIndexOf('/') + 1) + "\n    digest: " + DIGEST);
        }
        Files.writeString(kustomization, images);
        return overlay;
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
