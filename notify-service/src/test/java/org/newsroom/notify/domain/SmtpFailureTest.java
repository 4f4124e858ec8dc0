package org.newsroom.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SmtpFailureTest {

    @Test
    void a5xxReplyIsPermanent() {
        SmtpFailure failure = SmtpFailure.of(new SMTPException("RCPT TO", 550, List.of("550 5.1.1 no such user"),
                false));
        assertTrue(failure.permanent());
        assertTrue(failure.reason().startsWith("550"), failure.reason());
    }

    @Test
    void a4xxReplyIsTransientEvenWhenWrapped() {
        SmtpFailure failure = SmtpFailure.of(new CompletionException(
                new SMTPException("RCPT TO", 451, List.of("451 4.7.1 greylisted"), false)));
        assertFalse(failure.permanent());
        assertTrue(failure.reason().startsWith("451"), failure.reason());
    }

    @Test
    void noConversationAtAllIsTransient() {
        assertFalse(SmtpFailure.of(new ConnectException("Connection refused")).permanent());
        assertFalse(SmtpFailure.of(new CompletionException(new TimeoutException("timeout"))).permanent());
        assertEquals("ConnectException: Connection refused",
                SmtpFailure.of(new ConnectException("Connection refused")).reason());
    }
}
