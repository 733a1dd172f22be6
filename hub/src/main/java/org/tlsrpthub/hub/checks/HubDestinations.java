package org.tlsrpthub.hub.checks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.core.record.RuaDestination;
import org.tlsrpthub.hub.config.Settings;

/**
 * Where reports reach this hub, from the settings it already has: the addresses and domains of
 * {@code smtp.recipients}, IMAP mailbox users that are email addresses, and {@code http.public-url}
 * + {@code http.path}. A check says whether a domain's {@code rua} names one of them, and the record
 * to publish uses them.
 *
 * @param addresses mailbox addresses, lower case
 * @param domains   mail domains every address of which reaches the hub ({@code smtp.recipients = example.com})
 * @param urls      https endpoints, as written in a rua (no trailing slash)
 */
public record HubDestinations(List<String> addresses, List<String> domains, List<String> urls) {
    public HubDestinations {
        addresses = List.copyOf(addresses);
        domains = List.copyOf(domains);
        urls = List.copyOf(urls);
    }

    public static HubDestinations none() {
        return new HubDestinations(List.of(), List.of(), List.of());
    }

    public static HubDestinations from(Settings s) {
        List<String> addresses = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (String r : s.getList("smtp.recipients")) {
            if (r.equals("*")) continue; // every recipient: says nothing about which address is the hub's
            String lower = r.toLowerCase(Locale.ROOT);
            if (lower.indexOf('@') > 0) addresses.add(lower);
            else domains.add(lower.startsWith("@") ? lower.substring(1) : lower);
        }
        for (String name : s.names("imap")) {
            String user = s.get("imap." + name + ".user");
            if (user != null && user.indexOf('@') > 0) addresses.add(user.toLowerCase(Locale.ROOT));
        }
        List<String> urls = new ArrayList<>();
        String publicUrl = s.get("http.public-url");
        if (publicUrl != null && publicUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            urls.add(trimSlash(publicUrl) + s.get("http.path", "/tlsrpt"));
        }
        return new HubDestinations(addresses.stream().distinct().filter(a -> usable(() -> RuaDestination.mailto(a))).toList(),
                domains.stream().distinct().toList(), urls.stream().filter(u -> usable(() -> RuaDestination.https(u))).toList());
    }

    public boolean known() {
        return !addresses.isEmpty() || !domains.isEmpty() || !urls.isEmpty();
    }

    /** True when reports sent to {@code d} arrive at this hub. */
    public boolean reaches(RuaDestination d) {
        return switch (d) {
            case RuaDestination.Mailto m -> {
                String a = m.address().toLowerCase(Locale.ROOT);
                int at = a.lastIndexOf('@');
                yield addresses.contains(a) || (at > 0 && domains.contains(a.substring(at + 1)));
            }
            case RuaDestination.Https h -> urls.stream().anyMatch(u -> sameUrl(u, h.decoded()));
            case RuaDestination.OtherScheme o -> false;
        };
    }

    /** The hub's destinations for a new record: its full addresses first, then its URLs. */
    public List<RuaDestination> destinations() {
        List<RuaDestination> out = new ArrayList<>();
        addresses.forEach(a -> out.add(RuaDestination.mailto(a)));
        urls.forEach(u -> out.add(RuaDestination.https(u)));
        return out;
    }

    /** An entry no rua could name (a typo the receivers' own checks report) is left out rather than fail every check. */
    private static boolean usable(Runnable encode) {
        try {
            encode.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameUrl(String a, String b) {
        try {
            URI x = URI.create(trimSlash(a)).normalize();
            URI y = URI.create(trimSlash(b)).normalize();
            return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost().equalsIgnoreCase(y.getHost())
                    && port(x) == port(y) && x.getRawPath().equals(y.getRawPath());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false; // not a URL we can compare: it does not name the hub
        }
    }

    private static int port(URI u) {
        return u.getPort() < 0 ? 443 : u.getPort();
    }

    private static String trimSlash(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
