package org.tlsrpthub.hub.store;

/** The dimension names of {@code rollup_dimension_daily} (migration V20), for the queries that read it. */
public final class RollupDimension {
    private RollupDimension() {}

    /** Failed sessions (kind D) per sending-mta-ip of the failure details; "" when absent. */
    public static final String SENDING_IP = "sending-ip";
    /** Failed sessions (kind D) per result type, summed over reporters and MX hosts. */
    public static final String RESULT_TYPE = "result-type";
    /** Successful (kind S) and failed (kind F) sessions per policy type. */
    public static final String POLICY_TYPE = "policy-type";
}
