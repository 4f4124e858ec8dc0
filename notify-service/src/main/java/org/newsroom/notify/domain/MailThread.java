package org.newsroom.notify.domain;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Mail is handed to the Vert.x mail client from plain threads, never from a thread carrying a Vert.x (duplicated,
 * worker) context: sends started from request / scheduler worker threads were seen to stall intermittently (the
 * SMTP greeting never processed, the send timing out), see quarkusio/quarkus#28353 and #46216.
 */
final class MailThread {
    static final ExecutorService EXECUTOR = pool(4);

    private MailThread() {
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
    }
}
