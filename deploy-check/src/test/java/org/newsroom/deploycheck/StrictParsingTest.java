package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A typo in any manifest fails the build: each case takes a real base manifest (or component patch), shows that it
 * reads as written, then misspells one field and expects the read to fail naming that field. The component's JSON
 * patches are held to the same models where they land: in the rendered overlays.
 */
class StrictParsingTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        // fabric8 core/apps model (unknown fields would land in additionalProperties without StrictMapper)
        "editorial-service/deployment.yaml, '          envFrom:', '          envFrum:', envFrum",
        "editorial-service/deployment.yaml, '  selector:', '  selecter:', selecter",
        // the shared part of every service's Deployment (k8s/components/service), read as the Deployment it patches
        "../components/service/pod.yaml, '      terminationGracePeriodSeconds:', '      terminationGracePeriod:', terminationGracePeriod",
        "ingest-service/pdb.yaml, '  maxUnavailable:', '  maxUnavailible:', maxUnavailible",
        "ingest-service/hpa.yaml, '  minReplicas:', '  minReplica:', minReplica",
        "network/services.yaml, '  podSelector:', '  podSelektor:', podSelektor",
        "ingest-service/serviceaccount.yaml, 'automountServiceAccountToken:', 'automountServiceAccountTokens:', automountServiceAccountTokens",
        // Strimzi's api jar
        "kafka/topics.yaml, '  partitions: 6', '  partitons: 6', partitons",
        "kafka/kafka.yaml, '  entityOperator:', '  entityOperater:', entityOperater",
        "kafka/users.yaml, '  authorization:', '  authorisation:', authorisation",
        // our KEDA and CloudNativePG records (the PostgreSQL cluster is k8s/data/base)
        "notify-service/scaledobject.yaml, '  minReplicaCount:', '  minReplicaCont:', minReplicaCont",
        "notify-service/scaledobject.yaml, '        consumerGroup:', '        consumerGroupe:', consumerGroupe",
        "kafka/keda-auth.yaml, '    - parameter: sasl', '    - parametre: sasl', parametre",
        "../data/base/cluster.yaml, '  instances:', '  instance:', instance",
        "../data/base/databases.yaml, '  databaseReclaimPolicy:', '  databaseReclaimPolcy:', databaseReclaimPolcy",
    })
    void aMisspeltFieldFailsTheRead(String baseFile, String field, String misspelt, String reported)
            throws IOException {
        String manifest = Files.readString(Repository.ROOT.resolve("k8s/base").resolve(baseFile));
        // The field at the start of a line, with its indentation: "data:" must not match "metadata:".
        Pattern atLineStart = Pattern.compile("(?m)^" + Pattern.quote(field));
        assertTrue(atLineStart.matcher(manifest).find(), baseFile + " has " + field);
        Manifests.parse(manifest);

        String broken = atLineStart.matcher(manifest).replaceFirst(misspelt);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifests.parse(broken));
        assertTrue(e.getMessage().contains('"' + reported + '"'), e.getMessage());
    }

    @Test
    void aKindWithoutATypedModelFails() {
        String scaledJob = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledJob
                metadata:
                  name: replay
                spec: {}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifests.parse(scaledJob));
        assertTrue(e.getMessage().contains("no typed model for keda.sh/v1alpha1/ScaledJob"), e.getMessage());
    }

    @Test
    void aKedaTriggerOfAnUnmodelledScalerFails() throws IOException {
        String manifest = Files.readString(Repository.ROOT.resolve("k8s/base/publish-service/scaledobject.yaml"))
                .replace("- type: cpu", "- type: memory");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifests.parse(manifest));
        assertTrue(e.getMessage().contains("no typed model for KEDA trigger type memory"), e.getMessage());
    }

    @Test
    void aDuplicatedKeyFails() {
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: twice
                data:
                  QUARKUS_HTTP_PORT: "8081"
                  QUARKUS_HTTP_PORT: "8082"
                """;
        assertThrows(Exception.class, () -> Manifests.parse(configMap));
    }

    @Test
    void aCorrectManifestKeepsItsValues() throws IOException {
        Manifests manifests =
                Manifests.parse(Files.readString(Repository.ROOT.resolve("k8s/base/notify-service/scaledobject.yaml")));
        ScaledObject scaledObject = manifests.named(ScaledObject.class, "notify-service");
        assertEquals(
                "notify-service", scaledObject.spec().triggers().get(0).kafka().consumerGroup());
        assertEquals("70", scaledObject.spec().triggers().get(1).cpu().value());
    }
}
