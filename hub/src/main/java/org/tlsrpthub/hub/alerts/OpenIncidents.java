package org.tlsrpthub.hub.alerts;

/** How many incidents of a domain are open, and how many of them are critical (the overview's "needs attention"). */
public record OpenIncidents(long open, long critical) {
    public static final OpenIncidents NONE = new OpenIncidents(0, 0);
}
