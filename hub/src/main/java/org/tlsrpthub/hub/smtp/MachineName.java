package org.tlsrpthub.hub.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The machine's own host name, for the SMTP greeting. The SMTP library's default asks DNS for the
 * canonical name of the local address, which on many hosts is "localhost": a greeting that names
 * no one, and that a sending MTA may take for a loop (RFC 5321 §4.1.4).
 */
final class MachineName {
    private MachineName() {}

    static String get() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The name is set but does not resolve; Java puts it first in the message ("vm: vm: Name or service…").
            String msg = e.getMessage();
            int colon = msg == null ? -1 : msg.indexOf(':');
            return colon > 0 ? msg.substring(0, colon) : "localhost";
        }
    }
}
