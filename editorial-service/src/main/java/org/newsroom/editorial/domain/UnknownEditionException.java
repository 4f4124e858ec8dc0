package org.newsroom.editorial.domain;

import java.util.UUID;

/** No edition has the given id. */
public class UnknownEditionException extends RuntimeException {
    public UnknownEditionException(UUID id) {
        super("No edition " + id);
    }
}
