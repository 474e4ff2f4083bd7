package org.georisk.ingest.config;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The service-token check of every request, remembering the tokens it has verified until they expire. The gateway
 * signs one token per audience, principal and role and reuses it for 20 s (docs/security.md), so a feed's single
 * posts carry the same token string again and again; verifying its RS256 signature for each was an eighth of
 * ingest's CPU under single-event load (docs/performance.md). A token is remembered only once SmallRye JWT accepted
 * it in full (signature, issuer, audience, expiry) and only until its own expiry, which is stricter than the check
 * itself (that allows the configured clock skew beyond it). The key is the whole token, signature included, so a
 * token that differs in any byte is verified afresh; a token that fails is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedServiceTokens extends DefaultJWTParser {

    /** Far more than the gateway's live tokens (a few per principal and 20 s); past it the map is emptied. */
    static final int MAX_REMEMBERED = 10_000;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        long nowSeconds = System.currentTimeMillis() / 1000;
        if (known != null) {
            if (nowSeconds < known.getExpirationTime()) {
                return known;
            }
            verified.remove(token);
        }
        JsonWebToken accepted = super.parse(token);
        if (nowSeconds < accepted.getExpirationTime()) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, accepted);
        }
        return accepted;
    }
}
