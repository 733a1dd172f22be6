package org.tlsrpthub.hub.testsupport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Angus Mail as a real SMTP client: sends a raw message as is (no saveChanges, so no header is rewritten). */
public final class SmtpClient {
    private final Properties props = new Properties();

    public SmtpClient(int port) {
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.from", "reports@sender.example");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
    }

    /** STARTTLS required by the client, trusting the test's self-signed certificate. */
    public SmtpClient startTls() {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "127.0.0.1");
        props.put("mail.smtp.ssl.checkserveridentity", "false");
        return this;
    }

    public void send(byte[] raw, String recipient) throws MessagingException {
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new Address[] {new InternetAddress(recipient)});
        }
    }

    /** The SMTP reply code inside a failure (RCPT or DATA), or -1. */
    public static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) return a.getReturnCode();
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                Exception next = s.getNextException();
                if (next instanceof SMTPAddressFailedException a) return a.getReturnCode();
                return s.getReturnCode();
            }
        }
        return -1;
    }
}
