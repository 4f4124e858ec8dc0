package org.newsroom.notify.subscription;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.newsroom.notify.domain.MailTransport;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.outbox.AfterCommit;

/**
 * The double opt-in email. Sent only after the subscription committed (never a link to a token that was rolled
 * back), and without making the request wait for SMTP: the answer takes the same path whether or not an email
 * goes out. A lost confirmation is recovered by subscribing again, which re-sends the same link.
 */
@ApplicationScoped
public class ConfirmationMail {
    private static final Logger LOG = Logger.getLogger(ConfirmationMail.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    MailTransport transport;

    @Inject
    AfterCommit afterCommit;

    @Inject
    NotifySettings config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sendAfterCommit(String email, String token) {
        Mail mail = compose(email, token);
        afterCommit.run(() -> transport
                .send(mail)
                .ifNoItem()
                .after(SEND_TIMEOUT)
                .fail()
                .subscribe()
                .with(
                        ok -> LOG.debugf("Confirmation sent to %s", email),
                        failure -> LOG.warnf(
                                failure, "Confirmation to %s not sent; subscribing again re-sends it", email)));
    }

    /**
     * Nothing the sender chose goes into it (not even the name they typed): anyone can sign a stranger up, and a
     * name such as "Win $$$ at http://…" next to our link would make this email a spam relay.
     */
    Mail compose(String email, String token) {
        return Mail.withText(email, "Confirm your newsletter subscription", """
                Hello,

                please confirm that you want to receive the newsletter at this address: open this link and press
                "Confirm".

                %s

                If you did not ask for it, ignore this email: nothing will be sent to you.
                """.formatted(confirmLink(token)));
    }

    String confirmLink(String token) {
        String configured = config.baseUrl();
        String base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return base + "/api/subscriptions/confirm?token=" + token;
    }
}
