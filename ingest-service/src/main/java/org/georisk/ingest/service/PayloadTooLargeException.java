package org.georisk.ingest.service;

/** A body (or its line count) over the configured bound (413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
