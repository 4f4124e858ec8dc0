package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * Gateway API's {@code gateway.networking.k8s.io/v1 Gateway}, reduced to the fields our manifests use (fabric8's
 * model of it is not in our offline repository). A field missing here fails the check.
 */
record Gateway(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(String gatewayClassName, List<Listener> listeners) {}

    record Listener(
            String name, Protocol protocol, Integer port, String hostname, Tls tls, AllowedRoutes allowedRoutes) {}

    /** The core protocols: a typo fails here rather than at the controller. */
    enum Protocol {
        HTTP,
        HTTPS,
        TLS,
        TCP,
        UDP
    }

    record Tls(TlsMode mode, List<SecretRef> certificateRefs) {}

    enum TlsMode {
        Terminate,
        Passthrough
    }

    record SecretRef(String group, String kind, String name, String namespace) {}

    record AllowedRoutes(RouteNamespaces namespaces) {}

    record RouteNamespaces(From from) {}

    enum From {
        All,
        Same,
        Selector
    }
}
