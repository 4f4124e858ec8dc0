package org.newsroom.notify.subscription;

/** A genuine confirmation link followed too late; subscribing again mails a new one. */
public class ExpiredConfirmationException extends RuntimeException {
    public ExpiredConfirmationException() {
        super("This confirmation link has expired: subscribe again to get a new one");
    }
}
