package org.georisk.contracts;

/** What an API key may do at the gateway (docs/contracts.md, "The public interface"). */
public enum Role {
    /** posts events */
    FEED,
    /** reads assessments and events, manages own subscriptions */
    ANALYST,
    /** everything under /ops */
    OPS
}
