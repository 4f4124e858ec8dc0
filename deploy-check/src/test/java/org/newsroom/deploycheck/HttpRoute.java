package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** Gateway API's {@code gateway.networking.k8s.io/v1 HTTPRoute}, reduced to the fields our manifests use. */
record HttpRoute(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(List<ParentRef> parentRefs, List<String> hostnames, List<Rule> rules) {}

    record ParentRef(String group, String kind, String namespace, String name, String sectionName, Integer port) {}

    record Rule(List<Match> matches, List<Filter> filters, List<BackendRef> backendRefs) {
        List<Match> matchesOrAll() {
            return matches == null ? List.of(new Match(new PathMatch(PathType.PathPrefix, "/"))) : matches;
        }

        List<BackendRef> backends() {
            return backendRefs == null ? List.of() : backendRefs;
        }

        List<Filter> filtersOrNone() {
            return filters == null ? List.of() : filters;
        }
    }

    record Match(PathMatch path) {}

    record PathMatch(PathType type, String value) {
        /** Gateway API's PathPrefix matches whole path elements: /api/items matches /api/items/1, not /api/itemsx. */
        boolean matches(String path) {
            return switch (type) {
                case Exact -> path.equals(value);
                case PathPrefix ->
                    "/".equals(value)
                            || path.equals(value)
                            || path.startsWith(value.endsWith("/") ? value : value + "/");
                case RegularExpression -> path.matches(value);
            };
        }
    }

    enum PathType {
        Exact,
        PathPrefix,
        RegularExpression
    }

    record Filter(FilterType type, RequestRedirect requestRedirect) {}

    enum FilterType {
        RequestHeaderModifier,
        ResponseHeaderModifier,
        RequestMirror,
        RequestRedirect,
        URLRewrite,
        ExtensionRef
    }

    record RequestRedirect(String scheme, String hostname, Integer port, Integer statusCode) {}

    record BackendRef(String group, String kind, String namespace, String name, Integer port, Integer weight) {}
}
