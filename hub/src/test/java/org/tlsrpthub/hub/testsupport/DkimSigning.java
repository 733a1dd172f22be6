package org.tlsrpthub.hub.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.apache.james.jdkim.DKIMSigner;

/** A fresh RSA key and jDKIM's signer, to sign test mail as a reporter would (RFC 6376, relaxed/relaxed). */
public final class DkimSigning {
    public final KeyPair keys;
    public final String domain;
    public final String selector;

    public DkimSigning(String domain, String selector) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        this.keys = g.generateKeyPair();
        this.domain = domain;
        this.selector = selector;
    }

    /** The key record for {@code <selector>._domainkey.<domain>} (RFC 6376 §3.6.1); 2048-bit keys exceed 255 bytes. */
    public String keyRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String keyName() {
        return selector + "._domainkey." + domain;
    }

    /** The message with a DKIM-Signature header prepended. */
    public byte[] sign(byte[] message) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=from:to:subject:message-id:tls-report-domain:tls-report-submitter; bh=; b=;", keys.getPrivate());
        String header = signer.sign(new ByteArrayInputStream(message));
        byte[] h = (header + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + message.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(message, 0, out, h.length, message.length);
        return out;
    }
}
