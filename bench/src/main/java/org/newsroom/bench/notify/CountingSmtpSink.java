package org.newsroom.bench.notify;

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
 * An SMTP server that accepts every message and keeps nothing but the count: a sink for 100,000 emails without
 * holding them in memory (GreenMail keeps every message). Plain SMTP, no extensions, one thread per connection.
 */
final class CountingSmtpSink implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicLong accepted = new AtomicLong();

    private CountingSmtpSink(ServerSocket socket) {
        this.socket = socket;
    }

    static CountingSmtpSink start() throws IOException {
        CountingSmtpSink sink = new CountingSmtpSink(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(sink::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
        return sink;
    }

    int port() {
        return socket.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread session = new Thread(() -> converse(connection), "smtp-sink-session");
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
                        StandardCharsets.US_ASCII), 64 * 1024)) {
            OutputStream out = connection.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // counted, not kept
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 queued");
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

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
