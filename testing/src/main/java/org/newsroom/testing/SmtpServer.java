package org.newsroom.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SMTP server on a free port of 127.0.0.1 that keeps no message: plain SMTP without extensions, one thread
 * per connection, each message read to its end and then answered as its {@link Answer} says. Where
 * {@link MailSink} (GreenMail) keeps every message to be read back, this one can take 100,000 without growing, and
 * can refuse on purpose (4xx, 5xx) to test how a sender copes.
 */
public final class SmtpServer implements AutoCloseable {

    /** The reply line to a message once it has been read, e.g. {@code 250 OK} or {@code 550 5.1.1 no mailbox}. */
    @FunctionalInterface
    public interface Answer {
        String to(String recipient, String subject);
    }

    public static final Answer ACCEPT_ALL = (recipient, subject) -> "250 OK";

    private final ServerSocket socket;
    private final Answer answer;
    private final AtomicLong accepted = new AtomicLong();

    private SmtpServer(ServerSocket socket, Answer answer) {
        this.socket = socket;
        this.answer = answer;
    }

    public static SmtpServer start(Answer answer) {
        try {
            SmtpServer server = new SmtpServer(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()), answer);
            Thread acceptor = new Thread(server::accept, "smtp-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a port for the SMTP server", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many messages were answered 250. */
    public long accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread session = new Thread(() -> converse(connection), "smtp-server-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII), 64 * 1024)) {
            OutputStream out = connection.getOutputStream();
            reply(out, "220 newsroom-test ESMTP");
            String recipient = "";
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4
                        ? line.toUpperCase()
                        : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        reply(out, answer(recipient, subjectOf(in)));
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    /** Reads the message up to its terminating dot, keeping only the first Subject header. */
    private static String subjectOf(BufferedReader in) throws IOException {
        String subject = "";
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (subject.isEmpty() && line.startsWith("Subject: ")) {
                subject = line.substring("Subject: ".length());
            }
        }
        return subject;
    }

    private String answer(String recipient, String subject) {
        String reply = answer.to(recipient, subject);
        if (reply.startsWith("250")) {
            accepted.incrementAndGet();
        }
        return reply;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
