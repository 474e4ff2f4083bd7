package org.georisk.gateway.security;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link CallerFilter} from the authenticated identity. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    public Caller caller() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
