package org.tlsrpthub.hub.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels a transition goes to. The routes that name its domain decide; a domain no route
 * names follows the default routes (those without domains). Each route then admits the transition
 * by severity. With no route configured at all, every channel gets every transition.
 */
record Routing(List<Route> routes, List<String> allChannels) {

    Set<String> channelsFor(String domain, String severity) {
        if (routes.isEmpty()) return new LinkedHashSet<>(allChannels);
        List<Route> named = routes.stream().filter(r -> r.domains().contains(domain)).toList();
        List<Route> applying = named.isEmpty() ? routes.stream().filter(Route::isDefault).toList() : named;
        Set<String> out = new LinkedHashSet<>();
        for (Route r : applying) if (r.admits(severity)) out.addAll(r.channels());
        return out;
    }
}
