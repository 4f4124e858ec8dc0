package org.newsroom.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A {@code POST} route that reads a request body and answers HTML rendered from it, for a service's own callers on
 * its management interface (publish and notify render editorial's previews so). Plain Vert.x, outside the REST layer
 * and its problem mappers, so it answers its refusals here as the REST API would: a body that cannot be read is a
 * {@code 400} problem with the reader's reason, a body over the server's limit (read before any route, on the
 * management interface by {@code quarkus.management.limits.max-body-size}) a {@code 413}, anything else a logged
 * {@code 500}; every answer is {@code no-store}.
 *
 * @param <T> what the body is read as
 */
public final class InternalRoute<T> {
    private static final Logger LOG = Logger.getLogger(InternalRoute.class);

    private final String path;
    private final Function<String, T> read;
    private final Function<T, String> render;
    private final ObjectMapper json;

    private InternalRoute(String path, Function<String, T> read, Function<T, String> render, ObjectMapper json) {
        this.path = path;
        this.read = read;
        this.render = render;
        this.json = json;
    }

    /**
     * Adds the route to the router.
     *
     * @param read reads the body; whatever it throws refuses the request with a {@code 400}
     * @param render the HTML answered for what was read; runs on a worker thread, so it may block
     */
    public static <T> void install(
            Router router, String path, Function<String, T> read, Function<T, String> render, ObjectMapper json) {
        InternalRoute<T> route = new InternalRoute<>(path, read, render, json);
        router.post(path)
                .handler(BodyHandler.create(false))
                .blockingHandler(route::answer, false)
                .failureHandler(route::failed);
    }

    private void answer(RoutingContext context) {
        T body;
        try {
            body = read.apply(context.body().asString());
        } catch (RuntimeException unreadable) {
            problem(context, Problem.of(Response.Status.BAD_REQUEST, unreadable.getMessage()));
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(render.apply(body));
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 500) {
            LOG.errorf(context.failure(), "%s failed", path);
        }
        problem(context, Problem.of(status, HttpResponseStatus.valueOf(status).reasonPhrase(), null));
    }

    private void problem(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
