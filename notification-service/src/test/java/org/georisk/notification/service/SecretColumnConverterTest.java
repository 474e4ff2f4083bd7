package org.georisk.notification.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.georisk.notification.Subscriptions;
import org.georisk.notification.repository.SecretColumnConverter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook secrets are encrypted in the database and read back as they were (docs/security.md). */
@QuarkusTest
class SecretColumnConverterTest {

    @Inject
    EntityManager db;

    @Test
    void theStoredSecretIsCiphertextAndReadsBack() {
        String secret = "a-webhook-secret-" + UUID.randomUUID();
        UUID id = Subscriptions.create(Map.of("name", "encrypted", "pairs", List.of("AND-SMR"),
                "rules", List.of(Map.of("kind", "NEW_PAIR")),
                "webhook", Map.of("url", "http://127.0.0.1:9/hook", "secret", secret)));

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) db
                .createNativeQuery("select webhook_secret from subscription where id = :id")
                .setParameter("id", id).getSingleResult());

        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(secret));
        SecretColumnConverter converter = new SecretColumnConverter();
        assertEquals(secret, converter.convertToEntityAttribute(stored));
        assertNotEquals(stored, converter.convertToDatabaseColumn(secret), "a fresh IV each time");
        assertEquals("legacy-plain", converter.convertToEntityAttribute("legacy-plain"));
    }
}
