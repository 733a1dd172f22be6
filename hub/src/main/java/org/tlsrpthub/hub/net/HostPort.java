package org.tlsrpthub.hub.net;

import java.net.InetSocketAddress;
import org.tlsrpthub.hub.config.SettingsException;

/** A DNS server given as {@code host:port} ({@code [v6]:port}; port 53 when left out), in settings and options. */
public final class HostPort {
    private HostPort() {}

    /**
     * @param where the setting or option it came from, named in the error
     * @return null when {@code v} is null
     */
    public static InetSocketAddress resolver(String where, String v) {
        if (v == null) return null;
        int colon = v.lastIndexOf(':');
        String host = v;
        int port = 53;
        try {
            if (colon > 0 && v.indexOf(':') == colon) {
                host = v.substring(0, colon);
                port = Integer.parseInt(v.substring(colon + 1));
            } else if (v.startsWith("[") && v.contains("]:")) {
                host = v.substring(1, v.indexOf(']'));
                port = Integer.parseInt(v.substring(v.indexOf("]:") + 2));
            }
            if (host.isEmpty() || port < 1 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new SettingsException(where + ": '" + v + "' is not host:port");
        }
        return new InetSocketAddress(host, port);
    }
}
