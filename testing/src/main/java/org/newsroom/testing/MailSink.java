package org.newsroom.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server for tests (GreenMail on a free port of 127.0.0.1): the service under test sends to it over
 * SMTP exactly as it would to a production relay; the test then reads what arrived.
 *
 * <pre>{@code
 * try (MailSink sink = MailSink.start()) {          // or start() in a QuarkusTestResourceLifecycleManager
 *     // configure the service with quarkus.mailer.host=sink.host(), quarkus.mailer.port=sink.port()
 *     MailSink.Mail mail = sink.await(MailSink.to("reader@example.org"), Duration.ofSeconds(20));
 *     mail.subject(); mail.body(); mail.to();
 * }
 * }</pre>
 *
 * The sink is shared by every test of a run: select messages by recipient and/or subject, never by total count.
 */
public final class MailSink implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    /**
     * A received message, decoded: the body is the text/plain part (or the first text part), with SMTP's CRLF line
     * ends turned into {@code \n}; html is the text/html part (null when there is none), as a mail client shows it.
     */
    public record Mail(
            String subject, String body, String html, List<String> to, String from, Map<String, String> headers) {
        public boolean isTo(String address) {
            return to.stream().anyMatch(address::equalsIgnoreCase);
        }

        /** A header by name, case-insensitive as in RFC 5322; repeated headers joined by ", ". */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts a sink on a free port; close (or {@link #stop()}) it when done. */
    public static MailSink start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new MailSink(greenMail);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Matches messages to one address (case-insensitive). */
    public static Predicate<Mail> to(String address) {
        return mail -> mail.isTo(address);
    }

    /** Matches messages to one address with one subject: what "one email per reader per publication" counts. */
    public static Predicate<Mail> to(String address, String subject) {
        return mail -> mail.isTo(address) && subject.equals(mail.subject());
    }

    /** Everything received so far. */
    public List<Mail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(MailSink::decode)
                .toList();
    }

    /** Everything received so far that matches. */
    public List<Mail> messages(Predicate<Mail> matching) {
        return messages().stream().filter(matching).toList();
    }

    /** @return the first matching message, or an AssertionError after the timeout */
    public Mail await(Predicate<Mail> matching, Duration timeout) {
        return awaitCount(matching, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} matching messages arrived; more than that are returned too. */
    public List<Mail> awaitCount(Predicate<Mail> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> found = messages(matching);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching mail(s) within " + timeout + ", got "
                        + found.size() + " of " + greenMail.getReceivedMessages().length);
            }
            sleep(100);
        }
    }

    /** The matching messages after waiting {@code quiet}: to assert that no more than expected arrive. */
    public List<Mail> settle(Predicate<Mail> matching, Duration quiet) {
        sleep(quiet.toMillis());
        return messages(matching);
    }

    /** Forgets every message received so far. */
    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge the mail sink", e);
        }
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static Mail decode(MimeMessage message) {
        try {
            List<String> to = addresses(message.getRecipients(Message.RecipientType.TO));
            List<String> from = addresses(message.getFrom());
            String body = text(message);
            return new Mail(
                    message.getSubject(),
                    body == null ? null : body.replace("\r\n", "\n"),
                    part(message, "text/html"),
                    to,
                    from.isEmpty() ? null : from.get(0),
                    headers(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a received mail", e);
        }
    }

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                .toList();
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (child.isMimeType("text/plain") && text != null) {
                    return text;
                }
                if (fallback == null) {
                    fallback = text;
                }
            }
            return fallback;
        }
        return null;
    }

    /** The first part of this type, however deep in the message's alternatives and mixtures. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
