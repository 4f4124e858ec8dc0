package org.newsroom.notify.domain;

import io.vertx.ext.mail.SMTPException;

/**
 * Why a send failed, and whether trying again can help. A 5xx reply is the server's final word (unknown mailbox,
 * policy refusal): retrying would only repeat it. A 4xx reply (greylisting, mailbox busy, rate limited) and every
 * failure to talk to the server at all (refused connection, timeout, dropped line) may pass.
 */
public record SmtpFailure(boolean permanent, String reason) {

    public static SmtpFailure of(Throwable failure) {
        SMTPException smtp = find(failure);
        if (smtp != null) {
            return new SmtpFailure(smtp.isPermanent(), truncate(smtp.getReplyCode() + " " + smtp.getReplyMessage()));
        }
        return new SmtpFailure(false, truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private static SMTPException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String truncate(String message) {
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
