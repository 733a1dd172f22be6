package org.tlsrpthub.hub.http;

/** Ends a request with a problem answer; mapped to the response in one place ({@link HttpServer}). */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final String retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, String retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for a Retry-After header (RFC 9110 §10.2.3), or null. */
    public String retryAfter() {
        return retryAfter;
    }
}
