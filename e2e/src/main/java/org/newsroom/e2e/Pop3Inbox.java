package org.newsroom.e2e;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local stack's GreenMail read over POP3, as a reader's mail client would: login is the address (any password),
 * and a mailbox exists only once its first message arrived, so a refused login means "no mail yet".
 */
final class Pop3Inbox implements Inbox {
    private final String host;
    private final int port;

    Pop3Inbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public List<Mail> messages(String reader) {
        Properties properties = new Properties();
        properties.put("mail.pop3.connectiontimeout", "5000");
        properties.put("mail.pop3.timeout", "5000");
        try (Store store = Session.getInstance(properties).getStore("pop3")) {
            store.connect(host, port, reader, "x");
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    mails.add(new Mail(message.getSubject(), text(message)));
                }
                return mails;
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read " + reader + "'s mail at pop3://" + host + ":" + port, e);
        }
    }

    /** The text/plain part if there is one, else the first text part, HTML tags removed. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return part.isMimeType("text/html") ? text.replaceAll("<[^>]+>", "") : text.replace("\r\n", "\n");
        }
        if (content instanceof Multipart multipart) {
            String fallback = "";
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain")) {
                    return text(child);
                }
                if (fallback.isEmpty()) {
                    fallback = text(child);
                }
            }
            return fallback;
        }
        return "";
    }
}
