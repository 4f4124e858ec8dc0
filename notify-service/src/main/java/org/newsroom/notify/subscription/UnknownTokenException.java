package org.newsroom.notify.subscription;

/** A link's token names no subscriber, or was not signed for the address that subscriber has: forged or mangled. */
public class UnknownTokenException extends RuntimeException {
    public UnknownTokenException() {
        super("No subscription with this token");
    }
}
