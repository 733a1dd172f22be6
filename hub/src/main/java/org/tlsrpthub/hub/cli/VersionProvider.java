package org.tlsrpthub.hub.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tlsrpt-hub " + (v == null ? "development build" : v)};
    }
}
