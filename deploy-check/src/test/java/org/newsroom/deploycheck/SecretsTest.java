package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Secret the overlays and the data tiers (k8s/data) refer to will exist: an operator writes it for a rendered resource (a
 * KafkaUser's login, the Kafka cluster CA), or k8s/create-secrets.sh creates it (dev), or in prod an
 * ExternalSecret has the External Secrets Operator write it from the secret store. A Secret nobody
 * makes leaves its pods stuck in ContainerCreating. Prod verifies JWTs against the identity
 * provider's key set, so no key is mounted there.
 */
class SecretsTest {

    /** The ClusterSecretStore prod's ExternalSecrets read; ops create it (k8s/README.md, "Secrets"). */
    private static final String STORE = "newsroom";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedSecretIsMadeBySomeone(String overlay) throws IOException {
        Manifests manifests = Repository.environment(overlay);
        Set<String> made = new TreeSet<>(createdByScript());
        made.addAll(madeByOperators(manifests));
        manifests
                .all(ExternalSecret.class)
                .forEach(secret -> made.add(secret.spec().target().name()));

        Set<String> missing = new TreeSet<>(referenced(manifests));
        missing.removeAll(made);
        assertEquals(Set.of(), missing, "Secrets referenced but made by nobody");
    }

    @Test
    void prodHasAnExternalSecretForEverySecretItReferencesAndNoSecretItself() {
        Manifests manifests = Repository.environment("prod");
        Set<String> fromTheStore = new TreeSet<>(referenced(manifests));
        fromTheStore.removeAll(madeByOperators(manifests));

        Set<String> external = new TreeSet<>();
        for (ExternalSecret secret : manifests.all(ExternalSecret.class)) {
            String name = secret.metadata().getName();
            assertEquals(name, secret.spec().target().name(), "writes the Secret of its own name");
            assertEquals(
                    ExternalSecret.StoreKind.ClusterSecretStore,
                    secret.spec().secretStoreRef().kind(),
                    name);
            assertEquals(STORE, secret.spec().secretStoreRef().name(), name);
            assertFalse(secret.spec().data().isEmpty(), name);
            secret.spec()
                    .data()
                    .forEach(d ->
                            assertEquals("newsroom/prod/" + name, d.remoteRef().key(), name));
            assertTrue(
                    secret.spec().target().template() == null
                            || secret.spec().target().template().data() == null,
                    name + ": no value written into the manifest");
            external.add(name);
        }
        assertEquals(fromTheStore, external, "one ExternalSecret per referenced Secret, and no other");
        assertTrue(manifests.documents().stream().noneMatch(d -> "Secret".equals(d.kind())), "no Secret in the render");
    }

    @Test
    void prodsDatabaseLoginsAreBasicAuthSecretsCloudNativePgReloads() {
        Manifests manifests = Repository.data("prod");
        for (CnpgCluster.Role role :
                manifests.all(CnpgCluster.class).get(0).spec().managed().roles()) {
            ExternalSecret secret =
                    manifests.named(ExternalSecret.class, role.passwordSecret().name());
            ExternalSecret.Template template = secret.spec().target().template();
            assertEquals("kubernetes.io/basic-auth", template.type(), role.name());
            assertEquals("true", template.metadata().labels().get("cnpg.io/reload"), role.name());
            assertEquals(
                    Set.of("username", "password"),
                    secret.spec().data().stream()
                            .map(ExternalSecret.Data::secretKey)
                            .collect(Collectors.toSet()),
                    role.name());
        }
    }

    @Test
    void theReadmeNamesTheSecretStoreProdReads() throws IOException {
        String readme = Files.readString(Repository.ROOT.resolve("k8s/README.md"));
        assertTrue(readme.contains("ClusterSecretStore `" + STORE + "`"), "k8s/README.md names the store");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-service", "editorial-service", "notify-service"})
    void prodVerifiesJwtsAgainstTheIdentityProvidersKeySetAndMountsNoKey(String service) {
        Manifests manifests = Repository.overlay("prod");
        URI keys = URI.create(
                ServiceWiringTest.configMap(manifests, service).getData().get("NEWSROOM_JWT_PUBLIC_KEY"));
        assertEquals("https", keys.getScheme(), "a JWKS URL: " + keys);
        assertFalse(mountsTheJwtKey(manifests, service), "no key mounted");
        assertTrue(
                IsolationTest.internet(
                        new NetworkPolicies(manifests),
                        ServiceWiringTest.labels(manifests, service),
                        NetworkPolicies.Port.tcp(keys.getPort() == -1 ? 443 : keys.getPort())),
                "may fetch the key set");
    }

    /**
     * Prod's desk signs in through the identity provider whose tokens the API takes (README, "Signing in in
     * production"): its address is the issuer, reached over HTTPS like the key set; the client secret comes from a
     * Secret (an ExternalSecret writes it), never from a ConfigMap. Dev has no provider: the desk's sign-in is off.
     */
    @Test
    void prodsDeskSignsInWithTheIdentityProviderItsClientSecretFromASecret() {
        Manifests manifests = Repository.environment("prod");
        Map<String, String> config =
                ServiceWiringTest.configMap(manifests, "editorial-service").getData();
        URI provider = URI.create(config.get("NEWSROOM_DESK_OIDC_SERVER_URL"));
        assertEquals(config.get("NEWSROOM_JWT_ISSUER"), provider.toString(), "the provider is the tokens' issuer");
        assertEquals("https", provider.getScheme());
        assertTrue(
                IsolationTest.internet(
                        new NetworkPolicies(manifests),
                        ServiceWiringTest.labels(manifests, "editorial-service"),
                        NetworkPolicies.Port.tcp(provider.getPort() == -1 ? 443 : provider.getPort())),
                "editorial may reach the provider");
        assertFalse(
                manifests.all(ConfigMap.class).stream()
                        .anyMatch(map ->
                                map.getData() != null && map.getData().containsKey("NEWSROOM_DESK_OIDC_CLIENT_SECRET")),
                "no client secret in a ConfigMap");
        Container container = manifests
                .named(Deployment.class, "editorial-service")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        EnvVar secret = container.getEnv().stream()
                .filter(env -> env.getName().equals("NEWSROOM_DESK_OIDC_CLIENT_SECRET"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "newsroom-desk-oidc", secret.getValueFrom().getSecretKeyRef().getName());
        assertEquals("client-secret", secret.getValueFrom().getSecretKeyRef().getKey());
        assertEquals(
                List.of("client-secret"),
                manifests.named(ExternalSecret.class, "newsroom-desk-oidc").spec().data().stream()
                        .map(ExternalSecret.Data::secretKey)
                        .toList());

        assertFalse(
                ServiceWiringTest.configMap(Repository.environment("dev"), "editorial-service")
                        .getData()
                        .containsKey("NEWSROOM_DESK_OIDC_SERVER_URL"),
                "dev: no OpenID Connect sign-in");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-service", "editorial-service", "notify-service"})
    void devVerifiesJwtsAgainstTheMountedKey(String service) {
        Manifests manifests = Repository.overlay("dev");
        String location =
                ServiceWiringTest.configMap(manifests, service).getData().get("NEWSROOM_JWT_PUBLIC_KEY");
        assertEquals("file:/etc/newsroom/jwt/public.pem", location);
        assertTrue(mountsTheJwtKey(manifests, service), "Secret newsroom-jwt at /etc/newsroom/jwt");
    }

    private static boolean mountsTheJwtKey(Manifests manifests, String service) {
        PodSpec pod = manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec();
        boolean volume = pod.getVolumes().stream()
                .anyMatch(v -> v.getSecret() != null
                        && "newsroom-jwt".equals(v.getSecret().getSecretName()));
        boolean mounted = ServiceWiringTest.container(manifests, service).getVolumeMounts().stream()
                .anyMatch(m -> "/etc/newsroom/jwt".equals(m.getMountPath()));
        assertEquals(volume, mounted, service + ": the key's volume and its mount go together");
        return volume;
    }

    /** What Strimzi writes: a KafkaUser's login Secret (of the user's name) and the cluster CA. */
    private static Set<String> madeByOperators(Manifests manifests) {
        Set<String> made = new TreeSet<>();
        manifests.all(KafkaUser.class).forEach(u -> made.add(u.getMetadata().getName()));
        made.add(manifests.all(Kafka.class).get(0).getMetadata().getName() + "-cluster-ca-cert");
        return made;
    }

    static Set<String> referenced(Manifests manifests) {
        Set<String> names = new TreeSet<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        names.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    names.add(volume.getSecret().getSecretName());
                }
            }
        }
        for (TriggerAuthentication auth : manifests.all(TriggerAuthentication.class)) {
            auth.spec().secretTargetRef().forEach(r -> names.add(r.name()));
        }
        for (KafkaUser user : manifests.all(KafkaUser.class)) {
            if (user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication scram
                    && scram.getPassword() != null) {
                names.add(scram.getPassword().getValueFrom().getSecretKeyRef().getName());
            }
        }
        for (CnpgCluster cluster : manifests.all(CnpgCluster.class)) {
            names.add(cluster.spec().bootstrap().initdb().secret().name());
            cluster.spec()
                    .managed()
                    .roles()
                    .forEach(r -> names.add(r.passwordSecret().name()));
        }
        for (BarmanObjectStore store : manifests.all(BarmanObjectStore.class)) {
            BarmanObjectStore.S3Credentials s3 = store.spec().configuration().s3Credentials();
            names.add(s3.accessKeyId().name());
            names.add(s3.secretAccessKey().name());
        }
        assertTrue(names.size() > 5, "found the references: " + names);
        return names;
    }

    /** The names create-secrets.sh creates, with its per-role loop expanded. */
    private static Set<String> createdByScript() throws IOException {
        String script = Files.readString(Repository.ROOT.resolve("k8s/create-secrets.sh"));
        Set<String> names = new TreeSet<>();
        Matcher literal =
                Pattern.compile("create secret generic (newsroom-[a-z0-9-]+)").matcher(script);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        Matcher roles = Pattern.compile("for role in ([a-z ]+); do").matcher(script);
        assertTrue(roles.find() && script.contains("name=\"newsroom-db-$role\""), "the per-role database Secrets");
        for (String role : roles.group(1).trim().split("\\s+")) {
            names.add("newsroom-db-" + role);
        }
        return names;
    }
}
