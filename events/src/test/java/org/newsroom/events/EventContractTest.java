package org.newsroom.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the published contract (JSON Schemas and asyncapi.yaml under src/main/resources) and the Java records in
 * step: what the schema says is required is exactly what {@link EventCodec#decode} refuses to do without, the
 * schema's properties are exactly the record's components, and what {@link EventCodec#encode} writes is valid
 * against the schema.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SAMPLE_TIME = "2026-11-25T08:15:30Z";
    private static final String SAMPLE_DATE = "2026-11-25";

    // ---------------------------------------------------------------- schema files

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExistsAndDescribesTheEventType(EventType type) {
        JsonNode schema = schema(type);
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                schema.path("$schema").asText());
        assertEquals("object", schema.path("type").asText());
        assertEquals(type.payload().getSimpleName(), schema.path("title").asText(), "title");
        assertTrue(schema.path("$id").asText().endsWith("/" + type.type() + ".json"), "$id names the type");
        assertTrue(
                schema.path("additionalProperties").asBoolean(false),
                "additionalProperties must be true: the contract evolves additively");
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException {
        Path dir = Path.of("src/main/resources/schemas");
        Set<String> expected = Arrays.stream(EventType.values())
                .map(t -> t.type() + ".json")
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> actual =
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, actual, "schema files under " + dir);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreTheRecordComponents(EventType type) {
        JsonNode schema = schema(type);
        assertEquals(
                componentNames(type.payload()), fieldNames(schema.path("properties")), "properties of " + type.type());
        for (Class<?> nested : recordsOf(type.payload())) {
            if (nested == type.payload()) {
                continue;
            }
            JsonNode definition = schema.path("$defs").path(nested.getSimpleName());
            assertEquals(
                    componentNames(nested),
                    fieldNames(definition.path("properties")),
                    nested.getSimpleName() + " properties in " + type.type());
            assertTrue(
                    definition.path("additionalProperties").asBoolean(false),
                    nested.getSimpleName() + " additionalProperties in " + type.type());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaTypesMatchTheJavaTypes(EventType type) {
        JsonNode schema = schema(type);
        for (Class<?> record : recordsOf(type.payload())) {
            JsonNode properties = record == type.payload()
                    ? schema.path("properties")
                    : schema.path("$defs").path(record.getSimpleName()).path("properties");
            for (RecordComponent c : record.getRecordComponents()) {
                assertJsonType(
                        properties.path(c.getName()),
                        c.getGenericType(),
                        type.type() + "#" + record.getSimpleName() + "." + c.getName());
            }
        }
    }

    private static void assertJsonType(JsonNode property, Type type, String where) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertTrue(types(property).contains("array"), where);
            assertJsonType(property.path("items"), list.getActualTypeArguments()[0], where + "[]");
            return;
        }
        Class<?> t = (Class<?>) type;
        if (t.isRecord()) {
            assertEquals("#/$defs/" + t.getSimpleName(), property.path("$ref").asText(), where);
            return;
        }
        Set<String> types = types(property);
        if (t == LocalDate.class) {
            assertTrue(types.contains("string"), where);
            assertEquals("date", property.path("format").asText(), where);
        } else if (t == UUID.class) {
            assertTrue(types.contains("string"), where);
            assertEquals("uuid", property.path("format").asText(), where);
        } else if (t == Instant.class) {
            assertTrue(types.contains("string"), where);
            assertEquals("date-time", property.path("format").asText(), where);
        } else if (t == String.class) {
            assertTrue(types.contains("string"), where);
        } else if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
            assertTrue(types.contains("integer"), where);
        } else if (t == boolean.class || t == Boolean.class) {
            assertTrue(types.contains("boolean"), where);
        } else {
            fail("No JSON mapping known for " + t + " at " + where + ": extend this test and the schema");
        }
    }

    /** The payload record and every record nested in it (directly or as list elements), each once. */
    private static Set<Class<?>> recordsOf(Class<?> payload) {
        Set<Class<?>> records = new LinkedHashSet<>();
        collectRecords(payload, records);
        return records;
    }

    private static void collectRecords(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType list) {
            collectRecords(list.getActualTypeArguments()[0], records);
        } else if (type instanceof Class<?> t && t.isRecord() && records.add(t)) {
            for (RecordComponent c : t.getRecordComponents()) {
                collectRecords(c.getGenericType(), records);
            }
        }
    }

    // ---------------------------------------------------------------- required == what decode refuses to do without

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRequiredIsExactlyWhatDecodeRequires(EventType type) {
        ObjectNode full = fullSample(type.payload());
        assertNotNull(EventCodec.decode(full.toString(), type.payload()), "full sample decodes");

        Set<String> requiredByDecode = new TreeSet<>();
        for (Iterator<String> it = full.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            ObjectNode without = full.deepCopy();
            without.remove(field);
            if (refused(without, type.payload())) {
                requiredByDecode.add(field);
            }
        }
        assertEquals(
                requiredByDecode,
                new TreeSet<>(strings(schema(type).path("required"))),
                "schema 'required' of " + type.type() + " vs. fields whose absence makes decode throw");
    }

    @Test
    void attributionRequiredIsExactlyWhatDecodeRequires() {
        for (EventType type : EventType.values()) {
            if (!hasAttribution(type)) {
                continue;
            }
            ObjectNode full = fullSample(type.payload());
            Set<String> requiredByDecode = new TreeSet<>();
            for (String field : componentNames(Attribution.class)) {
                ObjectNode without = full.deepCopy();
                ((ObjectNode) without.get("attribution")).remove(field);
                if (refused(without, type.payload())) {
                    requiredByDecode.add(field);
                }
            }
            JsonNode attribution = schema(type).path("$defs").path("Attribution");
            assertEquals(
                    requiredByDecode,
                    new TreeSet<>(strings(attribution.path("required"))),
                    "Attribution 'required' in " + type.type());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void requiredFieldsMayBeNeitherNullNorBlank(EventType type) {
        JsonNode schema = schema(type);
        ObjectNode full = fullSample(type.payload());
        for (String field : strings(schema.path("required"))) {
            ObjectNode nulled = full.deepCopy();
            nulled.putNull(field);
            assertTrue(refused(nulled, type.payload()), type.type() + ": null " + field + " must be refused");
            assertTrue(
                    !types(schema.path("properties").path(field)).contains("null"),
                    type.type() + ": required " + field + " must not allow null in the schema");
            if (componentType(type.payload(), field) == String.class) {
                ObjectNode blank = full.deepCopy();
                blank.put(field, "  ");
                assertTrue(refused(blank, type.payload()), type.type() + ": blank " + field + " must be refused");
                assertEquals(
                        "\\S",
                        schema.path("properties").path(field).path("pattern").asText(),
                        type.type() + ": required text " + field + " must say 'not blank' in the schema");
            }
        }
    }

    @Test
    void garbageIsPoison() {
        for (EventType type : EventType.values()) {
            assertThrows(PoisonEventException.class, () -> EventCodec.decode("not json", type.payload()));
            assertThrows(PoisonEventException.class, () -> EventCodec.decode("{}", type.payload()));
            ObjectNode badUuid = fullSample(type.payload());
            String idField = type.payload().getRecordComponents()[0].getName();
            badUuid.put(idField, "not-a-uuid");
            assertTrue(refused(badUuid, type.payload()), type.type() + ": malformed uuid in " + idField);
        }
    }

    // ---------------------------------------------------------------- wire form

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodedSampleRoundTripsAndMatchesTheSchema(EventType type) throws IOException {
        ObjectNode full = fullSample(type.payload());
        Object decoded = EventCodec.decode(full.toString(), type.payload());
        String encoded = EventCodec.encode(decoded);
        assertEquals(full, JSON.readTree(encoded), "encode(decode(sample)) gives back the sample's JSON");
        assertEquals(decoded, EventCodec.decode(encoded, type.payload()), "decode(encode(x)) equals x");
        assertEquals(type, EventType.of(type.payload()));
        assertEquals(type, EventType.ofType(type.type()).orElseThrow());

        List<String> errors = new ArrayList<>();
        validate(schema(type), schema(type), JSON.readTree(encoded), "$", errors);
        assertEquals(List.of(), errors, "full sample against " + type.schemaResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalEventEncodesValidAgainstTheSchema(EventType type) throws IOException {
        JsonNode schema = schema(type);
        ObjectNode minimal = fullSample(type.payload());
        Set<String> required = new LinkedHashSet<>(strings(schema.path("required")));
        minimal.retain(required);
        if (hasAttribution(type)) {
            ((ObjectNode) minimal.get("attribution")).retain("outlet");
        }
        Object decoded = EventCodec.decode(minimal.toString(), type.payload());
        JsonNode encoded = JSON.readTree(EventCodec.encode(decoded));
        List<String> errors = new ArrayList<>();
        validate(schema, schema, encoded, "$", errors);
        assertEquals(
                List.of(),
                errors,
                "minimal event (optional properties written as null) against " + type.schemaResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownPropertiesAreIgnored(EventType type) {
        ObjectNode full = fullSample(type.payload());
        Object expected = EventCodec.decode(full.toString(), type.payload());
        full.put("addedInALaterRelease", "x");
        if (hasAttribution(type)) {
            ((ObjectNode) full.get("attribution")).put("logo", "https://example.org/logo.png");
        }
        assertEquals(expected, EventCodec.decode(full.toString(), type.payload()));
    }

    // ---------------------------------------------------------------- asyncapi.yaml

    @Test
    void asyncApiDescribesEveryTypeTopicAndSchema() {
        String asyncApi = resource("asyncapi.yaml");
        assertTrue(asyncApi.startsWith("asyncapi: 3.0.0"), "AsyncAPI 3.0 document");
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains("name: " + type.type()), "asyncapi.yaml names message " + type.type());
            assertTrue(asyncApi.contains("const: " + type.type()), "asyncapi.yaml pins ce_type " + type.type());
            assertTrue(
                    asyncApi.contains("$ref: './" + type.schemaResource() + "'"),
                    "asyncapi.yaml refers to " + type.schemaResource());
            assertTrue(
                    asyncApi.contains("address: " + type.topic() + "\n"), "asyncapi.yaml has channel " + type.topic());
        }
        for (String topic : Topics.ALL) {
            assertTrue(asyncApi.contains("address: " + topic + "\n"), "channel " + topic);
        }
        for (String header : List.of(
                "ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion", "content-type", "dead-letter-reason")) {
            assertTrue(asyncApi.contains(header + ":"), "header " + header);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean refused(JsonNode json, Class<?> payload) {
        try {
            EventCodec.decode(json.toString(), payload);
            return false;
        } catch (PoisonEventException e) {
            return true;
        }
    }

    /** A JSON object with every component of the record set to a plausible value. */
    private static ObjectNode fullSample(Class<?> record) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : record.getRecordComponents()) {
            node.set(c.getName(), sampleValue(c.getName(), c.getGenericType()));
        }
        return node;
    }

    private static JsonNode sampleValue(String name, Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ArrayNode array = NODES.arrayNode();
            array.add(sampleValue(name, list.getActualTypeArguments()[0]));
            array.add(sampleValue(name, list.getActualTypeArguments()[0]));
            return array;
        }
        Class<?> t = (Class<?>) type;
        if (t == LocalDate.class) {
            return NODES.textNode(SAMPLE_DATE);
        } else if (t == UUID.class) {
            return NODES.textNode(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                    .toString());
        } else if (t == Instant.class) {
            return NODES.textNode(SAMPLE_TIME);
        } else if (t == String.class) {
            return NODES.textNode(name.equalsIgnoreCase("url") ? "https://example.org/" + name : "sample " + name);
        } else if (t == int.class || t == Integer.class) {
            return NODES.numberNode(3);
        } else if (t == long.class || t == Long.class) {
            return NODES.numberNode(3L);
        } else if (t == boolean.class || t == Boolean.class) {
            return NODES.booleanNode(true);
        } else if (t.isRecord()) {
            return fullSample(t);
        }
        throw new AssertionError("No sample value for " + t + " " + name + ": extend this test");
    }

    private static Class<?> componentType(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getType();
    }

    private static boolean hasAttribution(EventType type) {
        return Arrays.stream(type.payload().getRecordComponents()).anyMatch(c -> c.getType() == Attribution.class);
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> types(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? new TreeSet<>(strings(type)) : Set.of(type.asText());
    }

    private static JsonNode schema(EventType type) {
        try {
            return JSON.readTree(resource(type.schemaResource()));
        } catch (IOException e) {
            throw new AssertionError(type.schemaResource() + " is not JSON", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "classpath resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A deliberately small JSON Schema validator for the keywords these schemas use (type, required, properties,
     * $ref to #/$defs, format uuid / date-time, minLength, pattern); it fails on any keyword it does not know, so a
     * schema cannot silently outgrow it.
     */
    private static void validate(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> errors) {
        Set<String> known = Set.of(
                "$schema",
                "$id",
                "title",
                "description",
                "type",
                "required",
                "properties",
                "additionalProperties",
                "$defs",
                "$ref",
                "format",
                "minLength",
                "pattern",
                "examples",
                "items",
                "minimum");
        schema.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                errors.add(at + ": keyword '" + k + "' not understood by this test's validator");
            }
        });
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertTrue(ref.startsWith("#/$defs/"), "only local $defs refs: " + ref);
            validate(root, root.path("$defs").path(ref.substring("#/$defs/".length())), value, at, errors);
            return;
        }
        if (schema.has("type") && !types(schema).contains(jsonType(value))) {
            errors.add(at + ": " + jsonType(value) + " is not " + types(schema));
            return;
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("minLength")
                    && text.codePointCount(0, text.length())
                            < schema.get("minLength").asInt()) {
                errors.add(at + ": shorter than minLength");
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(text)
                            .find()) {
                errors.add(at + ": does not match " + schema.get("pattern").asText());
            }
            String format = schema.path("format").asText("");
            if (format.equals("uuid")
                    && !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                errors.add(at + ": not a uuid");
            }
            if (format.equals("date")) {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    errors.add(at + ": not a date");
                }
            }
            if (format.equals("date-time")) {
                try {
                    Instant.parse(text);
                } catch (DateTimeParseException e) {
                    errors.add(at + ": not a date-time");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(root, schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
        if (schema.has("minimum")
                && value.isNumber()
                && value.asLong() < schema.get("minimum").asLong()) {
            errors.add(at + ": below minimum");
        }
        if (value.isObject()) {
            for (String required : strings(schema.path("required"))) {
                if (!value.has(required)) {
                    errors.add(at + ": missing required " + required);
                }
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    validate(root, p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), errors);
                }
            });
        }
    }

    private static String jsonType(JsonNode value) {
        if (value.isNull()) {
            return "null";
        } else if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isObject()) {
            return "object";
        }
        return "array";
    }
}
