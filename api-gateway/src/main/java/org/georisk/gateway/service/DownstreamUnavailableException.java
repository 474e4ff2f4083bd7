package org.georisk.gateway.service;

/** A service the gateway needs did not answer; the caller gets 503 with Retry-After. */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;

    public DownstreamUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
