package org.newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's mailbox: GreenMail read over POP3, as the local stack runs it (any password, mailbox made on receipt). */
class Pop3InboxTest {
    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()
        });
        greenMail.getManagers().getUserManager().setAuthRequired(false);
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void readsTheSubjectAndTextOfEachMessageOfOneReaderOnly() {
        GreenMailUtil.sendTextEmail(
                "ada@example.org",
                "desk@example.org",
                "Confirm your subscription",
                "Press Confirm: http://localhost/confirm?token=abc_DEF-1",
                greenMail.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail(
                "ben@example.org",
                "desk@example.org",
                "Other",
                "Not Ada's",
                greenMail.getSmtp().getServerSetup());
        greenMail.waitForIncomingEmail(2);

        List<Inbox.Mail> mails = new Pop3Inbox("127.0.0.1", greenMail.getPop3().getPort()).messages("ada@example.org");

        assertEquals(1, mails.size());
        assertEquals("Confirm your subscription", mails.get(0).subject());
        assertTrue(
                mails.get(0).body().contains("confirm?token=abc_DEF-1"),
                mails.get(0).body());
    }

    @Test
    void aMailboxThatNothingReachedYetIsEmpty() {
        assertEquals(List.of(), new Pop3Inbox("127.0.0.1", greenMail.getPop3().getPort()).messages("new@example.org"));
    }
}
