package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The Prometheus Operator's {@code monitoring.coreos.com/v1 PodMonitor}, reduced to the fields our manifests use
 * (fabric8's model of it is not in our offline repository). A field missing here fails the check.
 */
record PodMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(LabelSelector selector, List<Endpoint> podMetricsEndpoints) {}

    record Endpoint(String port, String path, String interval) {}
}
