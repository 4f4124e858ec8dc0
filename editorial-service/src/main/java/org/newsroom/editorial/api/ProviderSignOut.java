package org.newsroom.editorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signing out at the identity provider too (OpenID Connect RP-initiated logout), so that the next person at the same
 * browser is asked to sign in rather than let in on the provider's session. The provider's end-session endpoint is
 * read from its discovery document once and kept; a provider that names none, or cannot be reached, leaves signing
 * out to the desk's cookie alone (logged).
 */
@ApplicationScoped
class ProviderSignOut {
    private static final Logger LOG = Logger.getLogger(ProviderSignOut.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "quarkus.oidc.desk.auth-server-url")
    Optional<String> server;

    @ConfigProperty(name = "quarkus.oidc.desk.client-id")
    String clientId;

    @Inject
    ObjectMapper json;

    private volatile URI endSession;

    /** Where to send the browser to end its provider session and come back to {@code back}, if the provider says. */
    Optional<URI> at(URI back) {
        return endSession()
                .map(uri -> UriBuilder.fromUri(uri)
                        .queryParam("client_id", clientId)
                        .queryParam("post_logout_redirect_uri", back)
                        .build());
    }

    private Optional<URI> endSession() {
        if (endSession == null && server.isPresent()) {
            endSession = discover(server.get()).orElse(null);
        }
        return Optional.ofNullable(endSession);
    }

    private Optional<URI> discover(String issuer) {
        URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(
                            HttpRequest.newBuilder(discovery).timeout(TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode endpoint = json.readTree(answer.body()).path("end_session_endpoint");
            if (answer.statusCode() == 200 && endpoint.isTextual()) {
                return Optional.of(URI.create(endpoint.asText()));
            }
            LOG.warnf(
                    "%s names no end_session_endpoint (HTTP %d): signing out clears the desk's cookie only",
                    discovery, answer.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("%s could not be read (%s): signing out clears the desk's cookie only", discovery, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
