package org.newsroom.notify.newsletter;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * Why a send failed, and whether sending again is safe and can help.
 *
 * <p>Only a failure known to have happened before the server took the message may be retried: a 4xx reply
 * (greylisting, mailbox busy, rate limited: the server said it did not take it) or no connection at all (refused,
 * unknown host). A 5xx reply is the server's final word (unknown mailbox, policy refusal): retrying would only repeat
 * it. Anything else, a timeout above all, is uncertain: the message may have been sent and the server's 250 lost or
 * late, so sending again could deliver it twice; such a delivery is given up with the reason saying so.
 */
public record SmtpFailure(Verdict verdict, String reason) {

    public enum Verdict {
        PERMANENT,
        RETRYABLE,
        UNCERTAIN
    }

    public static SmtpFailure of(Throwable failure) {
        SMTPException smtp = find(failure, SMTPException.class);
        if (smtp != null) {
            return new SmtpFailure(
                    smtp.isPermanent() ? Verdict.PERMANENT : Verdict.RETRYABLE,
                    truncate(smtp.getReplyCode() + " " + smtp.getReplyMessage()));
        }
        Throwable unconnected = find(failure, ConnectException.class);
        if (unconnected == null) {
            unconnected = find(failure, UnknownHostException.class);
        }
        if (unconnected != null) {
            return new SmtpFailure(Verdict.RETRYABLE, truncate(describe(unconnected)));
        }
        return new SmtpFailure(
                Verdict.UNCERTAIN,
                truncate("uncertain, not retried (the server may have accepted it): " + describe(failure)));
    }

    public boolean retryable() {
        return verdict == Verdict.RETRYABLE;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String truncate(String message) {
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
