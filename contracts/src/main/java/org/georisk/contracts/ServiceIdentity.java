package org.georisk.contracts;

/**
 * The token the gateway signs for each call to a service (docs/security.md): issuer {@link #ISSUER}, audience the
 * called service's name, {@code upn} the caller's principal, {@code groups} the caller's role. The constants are
 * the role names services put in {@code @RolesAllowed}, so they are compile-time strings rather than {@link Role}.
 */
public final class ServiceIdentity {

    /** {@code iss} of every service token. */
    public static final String ISSUER = "georisk-gateway";

    /** {@code aud} of a token for ingest-service. */
    public static final String INGEST = "ingest-service";
    /** {@code aud} of a token for assessment-service. */
    public static final String ASSESSMENT = "assessment-service";
    /** {@code aud} of a token for notification-service. */
    public static final String NOTIFICATION = "notification-service";

    /** Role names as they appear in the token's {@code groups} (= {@link Role#name()}). */
    public static final String FEED = "FEED";
    public static final String ANALYST = "ANALYST";
    public static final String OPS = "OPS";
    /**
     * The gateway itself, for calls it makes before it knows a caller (asking ingest whether a feed key is valid).
     * No API key carries it.
     */
    public static final String GATEWAY = "GATEWAY";
    /** The principal of {@link #GATEWAY} calls. */
    public static final String GATEWAY_PRINCIPAL = "api-gateway";

    private ServiceIdentity() {
    }
}
