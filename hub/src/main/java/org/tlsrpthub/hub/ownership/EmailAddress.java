package org.tlsrpthub.hub.ownership;

import java.util.regex.Pattern;
import org.tlsrpthub.core.syntax.DomainNames;

/** An address alerts can be sent to: a plain dot-atom local part and a host name (RFC 5321 §4.1.2). */
public final class EmailAddress {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final int MAX_LOCAL = 64;
    private static final int MAX_ADDRESS = 254; // RFC 5321 §4.5.3.1.3: a 256-octet path less its angle brackets

    private EmailAddress() {}

    /** The address with its domain in lower-case A-labels; bad input names what is wrong with it. */
    public static String normalise(String address) {
        String a = address == null ? "" : address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) throw OwnershipException.bad("'" + address + "' is not an email address (name@example.com)");
        String local = a.substring(0, at);
        if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches()) {
            throw OwnershipException.bad("'" + address + "': the part before @ must be letters, digits, dots and !#$%&'*+/=?^_`{|}~- (at most 64)");
        }
        String domain = DomainNames.toALabels(a.substring(at + 1))
                .orElseThrow(() -> OwnershipException.bad("'" + address + "': the part after @ is not a host name"));
        String out = local + "@" + domain;
        if (out.length() > MAX_ADDRESS) throw OwnershipException.bad("'" + address + "' is longer than 254 characters");
        return out;
    }
}
