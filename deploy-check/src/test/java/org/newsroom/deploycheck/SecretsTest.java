package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Secret the overlays refer to will exist: an operator writes it for a rendered resource (a
 * KafkaUser's login, the Kafka cluster CA), or k8s/create-secrets.sh creates it. A Secret nobody
 * makes leaves its pods stuck in ContainerCreating.
 */
class SecretsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedSecretIsMadeBySomeone(String overlay) throws IOException {
        Manifests manifests = Repository.overlay(overlay);
        Set<String> made = new TreeSet<>(createdByScript());
        manifests.all(KafkaUser.class).forEach(u -> made.add(u.getMetadata().getName()));
        made.add(manifests.all(Kafka.class).get(0).getMetadata().getName() + "-cluster-ca-cert");

        Set<String> missing = new TreeSet<>(referenced(manifests));
        missing.removeAll(made);
        assertEquals(Set.of(), missing, "Secrets referenced but made by nobody");
    }

    private static Set<String> referenced(Manifests manifests) {
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
