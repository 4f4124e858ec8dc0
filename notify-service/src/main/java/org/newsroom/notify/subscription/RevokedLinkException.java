package org.newsroom.notify.subscription;

/**
 * A genuine unsubscribe or preferences link that no longer works: the reader signed out all links, or left and came
 * back. The latest newsletter email carries working ones.
 */
public class RevokedLinkException extends RuntimeException {
    public RevokedLinkException() {
        super("This link was revoked: use the one in your latest newsletter email");
    }
}
