package org.newsroom.notify.domain;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands every email to the Vert.x mail client on one event loop of its own.
 *
 * <p>Called from several threads, the client opens a pooled connection on one event loop but attaches its reply
 * reader from the event loop of the caller that asked for it; when the server's greeting arrives before the reader
 * is attached, the socket drops it, and that send waits for a greeting that never comes, holding its pooled
 * connection. (Under concurrent sends this was seen as SMTP timeouts, and ten such sends leave no connection at
 * all.) On a single event loop, connecting and attaching the reader are one task, so no reply is lost. The loop only
 * moves bytes; callers still wait, rate-limit and retry on their own threads.
 */
@ApplicationScoped
public class MailTransport {
    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    private Context loop;

    @PostConstruct
    void start() {
        // Vert.x's public API only hands out the calling thread's context, which may be a worker or request one.
        loop = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** Sends on the mail event loop; completes when the server accepted the message or failed with the reason. */
    public Uni<Void> send(Mail mail) {
        return Uni.createFrom()
                .emitter(outcome -> loop.runOnContext(
                        ignored -> onLoop(mail).subscribe().with(accepted -> outcome.complete(null), outcome::fail)));
    }

    /** Deferred, so that a mail the mailer refuses by throwing fails its send rather than the event loop's task. */
    private Uni<Void> onLoop(Mail mail) {
        return Uni.createFrom().deferred(() -> mailer.send(mail));
    }
}
