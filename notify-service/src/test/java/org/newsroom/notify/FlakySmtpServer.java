package org.newsroom.notify;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsroom.testing.SmtpServer;

/**
 * An SMTP server that misbehaves on purpose, by recipient, once it has read the message: {@code tempfail-…} is
 * answered 451 twice and then accepted, {@code alwaystemp-…} always 451, {@code reject-…} 550; anything else is
 * accepted. {@code silent-…} gets its 250 only when the test says so ({@link #answerSilentOnes}): the message went
 * out, the sender's wait for the reply ran out. It counts every attempt and every accepted message per recipient and
 * subject (other tests' editions may reach the same readers).
 */
public final class FlakySmtpServer implements AutoCloseable {
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final CountDownLatch silence = new CountDownLatch(1);
    private final SmtpServer server;

    private FlakySmtpServer() {
        server = SmtpServer.start(this::answer);
    }

    public static FlakySmtpServer start() {
        return new FlakySmtpServer();
    }

    public int port() {
        return server.port();
    }

    public int attempts(String address, String subject) {
        return attempts.getOrDefault(address + "|" + subject, new AtomicInteger())
                .get();
    }

    public int accepted(String address, String subject) {
        return accepted.getOrDefault(address + "|" + subject, new AtomicInteger())
                .get();
    }

    /** The messages to {@code silent-…} recipients, read long ago, are accepted now. */
    public void answerSilentOnes() {
        silence.countDown();
    }

    private String answer(String recipient, String subject) {
        String key = recipient + "|" + subject;
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (recipient.startsWith("silent-")) {
            awaitSilence();
        }
        String reply = reply(recipient, attempt);
        if (reply.startsWith("250")) {
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        return reply;
    }

    private void awaitSilence() {
        try {
            silence.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reply(String address, int attempt) {
        if (address.startsWith("reject-")) {
            return "550 5.1.1 no such mailbox";
        }
        if (address.startsWith("alwaystemp-") || address.startsWith("tempfail-") && attempt <= 2) {
            return "451 4.3.0 try again later";
        }
        return "250 OK";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
