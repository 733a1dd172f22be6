package org.tlsrpthub.hub.notifications;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * Email through an SMTP relay (Angus Mail). STARTTLS is required unless {@code starttls=false} (a relay
 * on loopback), the relay's certificate is verified against its name, and with a user the relay's
 * authentication is used (the password comes from the environment or a file).
 *
 * @param trustCertificate PEM certificates to trust instead of the JDK's roots (a private relay), or null
 */
record EmailChannel(String name, String host, int port, boolean starttls, String user, String password, String from,
                    List<String> fixedRecipients, Path trustCertificate, Duration timeout) implements Channel {

    @Override
    public String type() {
        return "email";
    }

    @Override
    public void send(Message m) throws DeliveryException {
        send(m.recipient(), m.title(), m.text(), "<notification-" + m.id() + "@tlsrpt-hub.invalid>");
    }

    /** Sends one plain-text message (notifications and digests). */
    void send(String to, String subject, String text, String messageId) throws DeliveryException {
        Session session = Session.getInstance(properties(), user == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
        try {
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId); // stable, so a repeat after a crash can be recognised
                }
            };
            mail.setFrom(new InternetAddress(from, true));
            mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
            mail.setSubject(subject, "UTF-8");
            mail.setSentDate(new Date());
            mail.setText(text, "UTF-8");
            Transport.send(mail);
        } catch (MessagingException e) {
            throw DeliveryException.retry("email " + name + " via " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.auth", String.valueOf(user != null));
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        if (trustCertificate != null) p.put("mail.smtp.ssl.socketFactory", PemTls.trusting(trustCertificate).getSocketFactory());
        return p;
    }

    @Override
    public String toString() {
        return "email channel " + name + " (" + host + ":" + port + ")";
    }
}
