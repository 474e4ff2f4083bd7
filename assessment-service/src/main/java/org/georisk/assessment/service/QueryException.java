package org.georisk.assessment.service;

/** A query that cannot be answered: 400 for a bad parameter (named in {@code field}), 404 for an unknown pair. */
public class QueryException extends RuntimeException {

    private final int status;
    private final String field;

    public QueryException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static QueryException badParameter(String field, String reason) {
        return new QueryException(400, field, reason);
    }

    public static QueryException notFound(String message) {
        return new QueryException(404, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
