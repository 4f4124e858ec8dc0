package org.newsroom.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.newsroom.ingest.domain.IngestSettings;
import org.newsroom.problem.Problem;

/**
 * quarkus.http.limits.max-body-size refuses a request whose Content-Length is too large with a bare 413, before any
 * exception mapper could answer a problem body. This route runs just before Quarkus' check and refuses the same
 * requests with a problem body; like Quarkus, it then closes the connection rather than read the body it refused.
 */
@ApplicationScoped
public class RequestSizeLimit {

    @Inject
    IngestSettings settings;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseTooLarge);
    }

    private void refuseTooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null
                || Long.parseLong(length) <= settings.maxRequestSize().asLongValue()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "Content Too Large", "The request is larger than newsroom takes")
                .withErrors(List.of(new Problem.FieldError(
                        "$",
                        "must be at most %,d bytes"
                                .formatted(settings.maxRequestSize().asLongValue()))));
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(encode(problem));
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
