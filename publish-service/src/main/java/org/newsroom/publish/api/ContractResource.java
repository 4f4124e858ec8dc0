package org.newsroom.publish.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.newsroom.events.EventType;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * The downstream contract at a stable URL: the AsyncAPI document and the JSON Schemas it refers to, served from the
 * {@code events} module this service was built with, so what is served is what is emitted.
 */
@Path("/contract")
public class ContractResource {

    @GET
    @Path("asyncapi.yaml")
    @Produces("application/yaml")
    public InputStream asyncApi() {
        return resource("asyncapi.yaml");
    }

    @GET
    @Path("schemas/{type}.json")
    @Produces("application/schema+json")
    public InputStream schema(@PathParam("type") String type) {
        EventType eventType = EventType.ofType(type)
                .orElseThrow(
                        () -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No event type " + type)));
        return resource(eventType.schemaResource());
    }

    private static InputStream resource(String name) {
        return EventType.class.getClassLoader().getResourceAsStream(name);
    }
}
