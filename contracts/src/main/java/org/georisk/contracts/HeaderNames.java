package org.georisk.contracts;

/** HTTP and Kafka header names used between the services. */
public final class HeaderNames {

    /** The caller's key at the gateway. */
    public static final String API_KEY = "X-API-Key";
    /** Read by no service (the principal travels in the signed service token): tests send it forged. */
    public static final String PRINCIPAL = "X-GeoRisk-Principal";
    /** Read by no service (the role travels in the signed service token): tests send it forged. */
    public static final String ROLE = "X-GeoRisk-Role";
    /** HMAC-SHA256 of a webhook body: {@code sha256=<hex>}. */
    public static final String SIGNATURE = "X-GeoRisk-Signature";
    /** NDJSON bulk bodies. */
    public static final String NDJSON = "application/x-ndjson";
    /** GDELT export files. */
    public static final String TSV = "text/tab-separated-values";

    private HeaderNames() {
    }
}
