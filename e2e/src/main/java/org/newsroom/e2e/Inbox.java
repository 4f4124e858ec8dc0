package org.newsroom.e2e;

import java.util.List;
import org.newsroom.testing.MailSink;

/**
 * A reader's mailbox as the walk reads it: the tests' in-process SMTP sink, or (for the demo) the local stack's
 * GreenMail over POP3. Either way only what was delivered to one address, oldest first.
 */
public interface Inbox {

    /** A received message: its subject and its text (the text/plain part, or the HTML part without its tags). */
    record Mail(String subject, String body) {}

    List<Mail> messages(String reader);

    /** The messages a test's {@link MailSink} received for the reader. */
    static Inbox of(MailSink sink) {
        return reader -> sink.messages(MailSink.to(reader)).stream()
                .map(mail -> new Mail(mail.subject(), mail.body() == null ? "" : mail.body()))
                .toList();
    }
}
