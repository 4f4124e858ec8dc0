package org.newsroom.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server (plain sockets, no extensions) that misbehaves on purpose, by recipient, once it has seen the
 * message: {@code tempfail-…} is answered 451 twice and then accepted, {@code alwaystemp-…} always 451,
 * {@code reject-…} 550; anything else is accepted. It counts every attempt and every accepted message per recipient
 * and subject (other tests' editions may reach the same readers).
 */
public final class FlakySmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

    private FlakySmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    public static FlakySmtpServer start() {
        try {
            FlakySmtpServer server = new FlakySmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(server::accept, "flaky-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int attempts(String address, String subject) {
        return attempts.getOrDefault(address + "|" + subject, new AtomicInteger()).get();
    }

    public int accepted(String address, String subject) {
        return accepted.getOrDefault(address + "|" + subject, new AtomicInteger()).get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread session = new Thread(() -> converse(connection), "flaky-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 flaky ESMTP");
            String recipient = "";
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO", "NOOP", "MAIL", "RSET" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String subject = "";
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (subject.isEmpty() && line.startsWith("Subject: ")) {
                                subject = line.substring("Subject: ".length());
                            }
                        }
                        String key = recipient + "|" + subject;
                        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        String answer = answer(recipient, attempt);
                        if (answer.startsWith("250")) {
                            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        }
                        reply(out, answer);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "500 unknown command");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static String answer(String address, int attempt) {
        if (address.startsWith("reject-")) {
            return "550 5.1.1 no such mailbox";
        }
        if (address.startsWith("alwaystemp-") || address.startsWith("tempfail-") && attempt <= 2) {
            return "451 4.3.0 try again later";
        }
        return "250 OK";
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
