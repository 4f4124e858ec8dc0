package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker's ACLs against what each service's application.properties does: every read, write
 * and consumer group it needs is allowed, and nothing else is.
 */
class KafkaAccessTest {

    /** One allowed (or needed) access: "topic:news.items:Read". */
    private record Access(String resource, String name, AclOperation operation) {
        @Override
        public String toString() {
            return resource + ":" + name + ":" + operation.toValue();
        }
    }

    static Stream<Arguments> overlaysAndServices() {
        return ServiceWiringTest.overlaysAndServices();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void eachServiceMayDoExactlyWhatItsChannelsNeed(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        ServiceConfig config = Repository.service(service);
        String login = ServiceWiringTest.container(manifests, service).getEnv().stream()
                .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getSecretKeyRef()
                .getName();

        Set<Access> needed = new TreeSet<>(Comparator.comparing(Access::toString));
        for (ServiceConfig.Incoming in : config.incoming()) {
            needed.add(new Access("topic", in.topic(), AclOperation.READ));
            needed.add(new Access("topic", in.topic(), AclOperation.DESCRIBE));
            needed.add(new Access("group", in.groupId(), AclOperation.READ));
            needed.add(new Access("topic", in.deadLetterTopic(), AclOperation.WRITE));
            needed.add(new Access("topic", in.deadLetterTopic(), AclOperation.DESCRIBE));
        }
        String outgoing = config.property("mp.messaging.outgoing.outbox.topic").orElseThrow();
        needed.add(new Access("topic", outgoing, AclOperation.WRITE));
        needed.add(new Access("topic", outgoing, AclOperation.DESCRIBE));

        Set<Access> allowed = new TreeSet<>(Comparator.comparing(Access::toString));
        allowed.addAll(accesses(manifests.named(KafkaUser.class, login)));
        assertEquals(needed, allowed, service + "'s KafkaUser " + login);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kedaMayDescribeTheGroupsAndTopicsItWatches(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        String cluster = manifests.all(Kafka.class).get(0).getMetadata().getName();
        Set<Access> allowedToKeda = new HashSet<>();
        Set<String> passwordSecrets = new HashSet<>();
        for (KafkaUser user : manifests.all(KafkaUser.class)) {
            if (user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication scram
                    && scram.getPassword() != null) {
                passwordSecrets.add(
                        scram.getPassword().getValueFrom().getSecretKeyRef().getName());
                allowedToKeda.addAll(accesses(user));
            }
        }

        for (ScaledObject scaledObject : manifests.all(ScaledObject.class)) {
            for (ScaledObject.Trigger trigger : scaledObject.spec().triggers()) {
                if (!trigger.type().equals("kafka")) {
                    continue;
                }
                TriggerAuthentication auth = manifests.named(
                        TriggerAuthentication.class, trigger.authenticationRef().name());
                String secret = auth.parameter("password").orElseThrow().name();
                assertTrue(passwordSecrets.contains(secret), "the KafkaUser whose password is in " + secret);
                assertEquals(secret, auth.parameter("username").orElseThrow().name());
                assertEquals(secret, auth.parameter("sasl").orElseThrow().name());
                assertEquals(
                        cluster + "-cluster-ca-cert",
                        auth.parameter("ca").orElseThrow().name());

                ScaledObject.KafkaLag lag = trigger.kafka();
                assertTrue(
                        allowedToKeda.contains(new Access("topic", lag.topic(), AclOperation.DESCRIBE)), lag.topic());
                assertTrue(
                        allowedToKeda.contains(new Access("group", lag.consumerGroup(), AclOperation.DESCRIBE)),
                        lag.consumerGroup());
            }
        }
    }

    private static Set<Access> accesses(KafkaUser user) {
        Set<Access> accesses = new HashSet<>();
        KafkaUserAuthorizationSimple authorization =
                (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        for (AclRule rule : authorization.getAcls()) {
            String type;
            String name;
            AclResourcePatternType pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                type = "topic";
                name = topic.getName();
                pattern = topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                type = "group";
                name = group.getName();
                pattern = group.getPatternType();
            } else {
                throw new AssertionError("unexpected ACL resource " + rule.getResource());
            }
            // Only literal names: a prefix ACL would grant more than the service uses.
            assertEquals(AclResourcePatternType.LITERAL, pattern, type + " " + name);
            rule.getOperations().forEach(op -> accesses.add(new Access(type, name, op)));
        }
        return accesses;
    }
}
