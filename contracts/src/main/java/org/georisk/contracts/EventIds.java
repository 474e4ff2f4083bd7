package org.georisk.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 5, SHA-1) UUIDs, so the same input always gives the same id: a re-posted event
 * (same source and externalId) gets the id it had, and can be dropped wherever it is seen again.
 */
public final class EventIds {

    /** GeoRisk's namespace for name-based ids. Fixed forever: changing it changes every eventId. */
    public static final UUID NAMESPACE = UUID.fromString("5f1f3c0e-8f7a-4d52-9c1e-6b2a0e4c9d10");

    private EventIds() {
    }

    /** The eventId of an event: a function of its feed and the feed's own id only. */
    public static UUID eventId(String source, String externalId) {
        return nameBased(source + "\u0000" + externalId);
    }

    /** A name-based UUID of any text (alert ids use it too, so a re-evaluation gives the same id). */
    public static UUID nameBased(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bb.getLong(), bb.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JRE", e);
        }
    }
}
