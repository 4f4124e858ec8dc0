package org.newsroom.editorial.preview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.newsroom.editorial.domain.EditorialSettings;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/**
 * The services that render an edition for readers, asked to render a draft for the desk: publish renders its page,
 * notify its newsletter, each through its own templates (their internal {@code /preview/…} routes, on the management
 * interface). The addresses are the operators' ({@link EditorialSettings}), never a user's.
 */
@ApplicationScoped
public class Renderers {
    public static final String PUBLISH = "publish-service";
    public static final String NOTIFY = "notify-service";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** An editor is waiting for the frame; a renderer slower than this is as good as down. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    @Inject
    EditorialSettings settings;

    /** The edition page publish would serve for it. */
    public String editionPage(EditionApproved snapshot) {
        return render(PUBLISH, settings.publishInternalUrl(), "/preview/edition", snapshot);
    }

    /** The newsletter email's HTML notify would send for it, with placeholder reader links. */
    public String newsletter(EditionApproved snapshot) {
        return render(NOTIFY, settings.notifyInternalUrl(), "/preview/newsletter", snapshot);
    }

    private String render(String service, String base, String path, EditionApproved snapshot) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(EventCodec.encode(snapshot), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RendererUnavailableException(
                    service, "cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RendererUnavailableException(service, "was not waited for: interrupted");
        }
        if (response.statusCode() != 200) {
            throw new RendererUnavailableException(service, "answered " + response.statusCode());
        }
        return response.body();
    }
}
