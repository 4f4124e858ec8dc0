package org.newsroom.editorial.preview;

/** The service that renders a preview could not be reached, or refused: the desk shows which, and can retry. */
public class RendererUnavailableException extends RuntimeException {
    private final String service;

    public RendererUnavailableException(String service, String reason) {
        super(service + " " + reason + ": the preview cannot be rendered now");
        this.service = service;
    }

    public String service() {
        return service;
    }
}
