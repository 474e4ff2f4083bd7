package org.georisk.gateway.security;

import io.quarkus.security.AuthenticationFailedException;

import java.util.Map;

/**
 * The two refusals of authentication that are not "wrong key" but 429 with Retry-After: an address over its
 * failed-authentication budget, a key over its request rate. Quarkus' exception is final, so they travel as its
 * attributes; rest.ProblemMappers reads them back.
 */
public final class AuthRefusals {

    public static final String THROTTLED = "throttled";
    public static final String RATE_LIMITED = "rate-limited";
    /** The key could not be checked (ingest-service did not answer about a feed key): 503, not a failed guess. */
    public static final String UNAVAILABLE = "unavailable";

    private static final String KIND = "georisk.refusal";
    private static final String RETRY_AFTER = "georisk.retry-after";

    private AuthRefusals() {
    }

    static AuthenticationFailedException throttled(long retryAfterSeconds) {
        return new AuthenticationFailedException("too many failed authentications from this address",
                Map.of(KIND, THROTTLED, RETRY_AFTER, retryAfterSeconds));
    }

    static AuthenticationFailedException rateLimited(long retryAfterSeconds) {
        return new AuthenticationFailedException("this key is over its request rate",
                Map.of(KIND, RATE_LIMITED, RETRY_AFTER, retryAfterSeconds));
    }

    static AuthenticationFailedException unavailable(RuntimeException cause) {
        return new AuthenticationFailedException("the key could not be checked", cause, Map.of(KIND, UNAVAILABLE));
    }

    /** {@link #THROTTLED}, {@link #RATE_LIMITED}, or null for a plain refusal (unknown or revoked key). */
    public static String kind(AuthenticationFailedException e) {
        return e.getAttributes() == null ? null : (String) e.getAttributes().get(KIND);
    }

    public static long retryAfter(AuthenticationFailedException e) {
        Object value = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
        return value instanceof Long seconds ? seconds : 1;
    }
}
