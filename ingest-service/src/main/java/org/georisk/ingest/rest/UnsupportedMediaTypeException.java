package org.georisk.ingest.rest;

import java.util.List;

/** A body posted without a Content-Type, or with one the path does not read: 415 listing what it reads. */
public class UnsupportedMediaTypeException extends RuntimeException {

    private final String contentType;
    private final List<String> accepted;

    public UnsupportedMediaTypeException(String contentType, List<String> accepted) {
        super("unsupported media type " + contentType);
        this.contentType = contentType;
        this.accepted = List.copyOf(accepted);
    }

    public String contentType() {
        return contentType;
    }

    public List<String> accepted() {
        return accepted;
    }
}
