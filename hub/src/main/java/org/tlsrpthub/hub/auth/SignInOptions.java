package org.tlsrpthub.hub.auth;

/**
 * How people may sign in: with a local user name and password ({@code auth.local-sign-in}), with single
 * sign-on (the button's label, null when it is off), or both.
 */
public record SignInOptions(boolean local, String ssoLabel) {}
