package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The topic list is written where no Java runs: the KafkaTopic resources, docker-compose's kafka-init step and the
 * launcher each create exactly {@link Topics#ALL} (the pipeline topics and their dead-letter topics), and name no
 * other topic.
 */
class TopicListsTest {

    private static final Set<String> ALL = new TreeSet<>(Topics.ALL);
    /** A topic name as a word of its own, not the start of an event type such as news.item.ingested.v1. */
    private static final Pattern TOPIC_NAME = Pattern.compile("(?<![\\w.])news\\.[a-z]+(?:\\.dlq)?(?![\\w.-])");
    /** A shell word list of topics: a bash array {@code X=(news.a news.b)} or a loop {@code for t in news.a; do}. */
    private static final Pattern WORD_LIST =
            Pattern.compile("(?:=\\(|\\bfor \\w+ in )((?:news\\.[a-z.]+\\s*)+)(?:\\)|; do)");
    /** A dead-letter topic made from each listed one: {@code "$t.dlq"}, {@code ${t}.dlq}, {@code ${X[@]/%/.dlq}}. */
    private static final Pattern DEAD_LETTER_OF_EACH = Pattern.compile("\\$\\{?\\w+}?\\.dlq|/%/\\.dlq}");

    @Test
    @SuppressWarnings("unchecked")
    void kafkaTopicResourcesAreTheTopicList() throws IOException {
        Set<String> declared = new TreeSet<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(Files.readString(Repository.ROOT.resolve("k8s/base/kafka/topics.yaml")))) {
            Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) document).get("spec");
            declared.add(String.valueOf(spec.get("topicName")));
        }
        assertEquals(ALL, declared, "k8s/base/kafka/topics.yaml");
    }

    @Test
    void composeKafkaInitCreatesTheTopicList() throws IOException {
        String script = Compose.load(Repository.ROOT.resolve("docker-compose.yml"))
                .service("kafka-init")
                .command();
        assertEquals(ALL, created(script), "docker-compose.yml, kafka-init");
        assertNamesOnlyListedTopics(script, "docker-compose.yml, kafka-init");
    }

    /** The launcher's scripts, wherever its topic list ends up: {@code newsroom} and everything under tools/. */
    @Test
    void launcherCreatesTheTopicList() throws IOException {
        Set<String> created = new TreeSet<>();
        for (Path file : launcherFiles()) {
            String text = Files.readString(file);
            created.addAll(created(text));
            assertNamesOnlyListedTopics(text, Repository.ROOT.relativize(file).toString());
        }
        assertEquals(ALL, created, "the topics the launcher creates (newsroom, tools/)");
    }

    @Test
    void theShellReadingFindsListsAndTheirDeadLetters() {
        assertEquals(
                Set.of("news.a", "news.b", "news.a.dlq", "news.b.dlq"),
                created("T=(news.a news.b)\nfor t in \"${T[@]}\" \"${T[@]/%/.dlq}\"; do create $t; done"));
        assertEquals(Set.of("news.a", "news.a.dlq"), created("for t in news.a; do make \"$t\"; make \"$t.dlq\"; done"));
        assertEquals(Set.of("news.a"), created("for t in news.a; do make \"$t\"; done"));
        assertFalse(TOPIC_NAME.matcher("type news.item.ingested.v1").find(), "an event type is no topic");
    }

    private static Set<String> created(String script) {
        Set<String> listed = new TreeSet<>();
        Matcher list = WORD_LIST.matcher(script);
        while (list.find()) {
            listed.addAll(List.of(list.group(1).trim().split("\\s+")));
        }
        Set<String> created = new TreeSet<>(listed);
        if (DEAD_LETTER_OF_EACH.matcher(script).find()) {
            listed.forEach(topic -> created.add(Topics.deadLetter(topic)));
        }
        return created;
    }

    private static void assertNamesOnlyListedTopics(String text, String where) {
        Matcher name = TOPIC_NAME.matcher(text);
        while (name.find()) {
            assertTrue(ALL.contains(name.group()), where + " names " + name.group() + ", which is not in Topics.ALL");
        }
    }

    private static List<Path> launcherFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Repository.ROOT.resolve("newsroom")));
        try (Stream<Path> tools = Files.walk(Repository.ROOT.resolve("tools"))) {
            tools.filter(Files::isRegularFile)
                    .filter(f -> !Repository.ROOT.relativize(f).toString().contains("/target/"))
                    .filter(TopicListsTest::isText)
                    .forEach(files::add);
        }
        return files;
    }

    private static boolean isText(Path file) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
