package org.georisk.ingest.service;

/** The broker did not acknowledge every record in time: nothing of the request may be reported as accepted. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
