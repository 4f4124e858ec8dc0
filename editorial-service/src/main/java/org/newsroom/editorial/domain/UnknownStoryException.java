package org.newsroom.editorial.domain;

import java.util.UUID;

/** No story has the given id. */
public class UnknownStoryException extends RuntimeException {
    public UnknownStoryException(UUID id) {
        super("No story " + id);
    }
}
