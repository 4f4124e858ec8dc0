package org.newsroom.deploycheck;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML mapper every manifest is read with: a field the model does not know fails the read.
 *
 * <p>FAIL_ON_UNKNOWN_PROPERTIES alone is not enough. fabric8's and Strimzi's models keep unknown
 * fields in an {@code additionalProperties} map through {@code @JsonAnySetter} (so that a client
 * never loses data), which would swallow a misspelt field silently. For validation we want the
 * opposite, so any-setters are switched off for every class.
 */
final class StrictMapper {

    static final ObjectMapper YAML = YAMLMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictMapper() {}

    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
