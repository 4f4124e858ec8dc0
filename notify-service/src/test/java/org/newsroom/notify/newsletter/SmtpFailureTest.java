package org.newsroom.notify.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.ext.mail.SMTPException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SmtpFailureTest {

    @Test
    void a5xxReplyIsPermanent() {
        SmtpFailure failure =
                SmtpFailure.of(new SMTPException("RCPT TO", 550, List.of("550 5.1.1 no such user"), false));
        assertEquals(SmtpFailure.Verdict.PERMANENT, failure.verdict());
        assertFalse(failure.retryable());
        assertTrue(failure.reason().startsWith("550"), failure.reason());
    }

    @Test
    void a4xxReplyIsTransientEvenWhenWrapped() {
        SmtpFailure failure = SmtpFailure.of(
                new CompletionException(new SMTPException("RCPT TO", 451, List.of("451 4.7.1 greylisted"), false)));
        assertEquals(SmtpFailure.Verdict.RETRYABLE, failure.verdict());
        assertTrue(failure.reason().startsWith("451"), failure.reason());
    }

    @Test
    void noConnectionAtAllIsRetryable() {
        SmtpFailure refused = SmtpFailure.of(new CompletionException(new ConnectException("Connection refused")));
        assertEquals(SmtpFailure.Verdict.RETRYABLE, refused.verdict());
        assertEquals("ConnectException: Connection refused", refused.reason());
        assertTrue(SmtpFailure.of(new UnknownHostException("smtp.nowhere")).retryable());
    }

    @Test
    void noReplyIsUncertainAndNotRetried() {
        SmtpFailure timeout = SmtpFailure.of(new CompletionException(new TimeoutException("timeout")));
        assertEquals(SmtpFailure.Verdict.UNCERTAIN, timeout.verdict());
        assertFalse(timeout.retryable());
        assertTrue(timeout.reason().startsWith("uncertain"), timeout.reason());
        assertFalse(SmtpFailure.of(new IOException("Connection reset")).retryable());
    }
}
