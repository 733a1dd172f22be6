package org.tlsrpthub.hub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The short key of one applied policy in {@code rollup_policy_applied} (migration V63): the first
 * 64 bits of the SHA-256 of the policy type, policy strings and mx hosts, in hex. A key in every
 * rollup cell instead of the policy text, which can be long (TLSA records).
 */
public final class PolicyKey {
    private PolicyKey() {}

    public static String of(String type, List<String> policyStrings, List<String> mxHosts) {
        String text = type + '\0' + String.join("\n", policyStrings) + '\0' + String.join("\n", mxHosts);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
