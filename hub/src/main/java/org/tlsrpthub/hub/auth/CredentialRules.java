package org.tlsrpthub.hub.auth;

import java.util.regex.Pattern;

/** What a local user's name and a new password must look like, checked before anything is stored. */
final class CredentialRules {
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MIN_PASSWORD = 8;

    private CredentialRules() {}

    static void checkName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
    }
}
