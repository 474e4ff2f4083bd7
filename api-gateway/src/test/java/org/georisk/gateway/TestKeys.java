package org.georisk.gateway;

import org.georisk.contracts.Role;
import org.georisk.gateway.service.ApiKeyService;

/** Keys the tests use; analyst and ops keys are stored through the gateway's own service, the feed key is the stub's. */
public final class TestKeys {

    public static final String ANALYST = "test-analyst-key";
    public static final String ANALYST_OWNER = "alice";
    public static final String OTHER_ANALYST = "test-analyst-key-2";
    public static final String OPS = "test-ops-key";
    public static final String OPS_OWNER = "olga";
    public static final String REVOKED = "test-revoked-key";
    /** Registered again before every test, so a test may delete it through /api/v1/ops/keys. */
    public static final String DELETABLE = "test-deletable-key";
    public static final String DELETABLE_NAME = "deletable";
    public static final String FEED = DownstreamStub.FEED_KEY;

    private TestKeys() {
    }

    public static void register(ApiKeyService keys) {
        keys.register(ANALYST, Role.ANALYST, ANALYST_OWNER, false);
        keys.register(OTHER_ANALYST, Role.ANALYST, "bob", false);
        keys.register(OPS, Role.OPS, OPS_OWNER, false);
        keys.register(REVOKED, Role.ANALYST, "mallory", false);
        keys.revoke(REVOKED);
        keys.register(DELETABLE, Role.ANALYST, DELETABLE_NAME, false);
    }

    public static String of(Role role) {
        return switch (role) {
            case FEED -> FEED;
            case ANALYST -> ANALYST;
            case OPS -> OPS;
        };
    }
}
