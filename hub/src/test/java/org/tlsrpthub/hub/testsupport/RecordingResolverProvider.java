package org.tlsrpthub.hub.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver (registered in META-INF/services): the JDK's own, but every name it
 * is asked to look up is remembered, so that a test can prove a value never reached DNS.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {
    private static final Set<String> LOOKED_UP = ConcurrentHashMap.newKeySet();

    /** Every host name looked up in this JVM so far (lower case). */
    public static boolean lookedUp(String name) {
        return LOOKED_UP.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKED_UP.add(host.toLowerCase(java.util.Locale.ROOT));
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "recording";
    }
}
