package org.newsroom.deploycheck;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** The Prometheus Operator's {@code monitoring.coreos.com/v1 PrometheusRule}, alerting rules only. */
record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(List<Group> groups) {}

    record Group(String name, List<Rule> rules) {}

    record Rule(
            String alert,
            String expr,
            @JsonProperty("for") String pendingFor,
            Map<String, String> labels,
            Map<String, String> annotations) {}

    List<Rule> alerts() {
        return spec.groups().stream().flatMap(g -> g.rules().stream()).toList();
    }
}
