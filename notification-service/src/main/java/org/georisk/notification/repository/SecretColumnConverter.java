package org.georisk.notification.repository;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook secrets at rest (docs/security.md): they cannot be hashed, every delivery is signed with them, so they are
 * stored AES-256-GCM encrypted as {@code v1:<base64(iv | ciphertext+tag)>} under the key
 * {@code georisk.notification.secret-key} (base64 of 32 bytes; env GEORISK_WEBHOOK_SECRET_KEY). A value without the
 * prefix is a row written before encryption and is read as it is; it is encrypted the next time it is written.
 * A plain Hibernate converter (not a CDI bean), so the key is read from the configuration directly.
 */
@Converter
public class SecretColumnConverter implements AttributeConverter<String, String> {

    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile SecretKeySpec key;

    @Override
    public String convertToDatabaseColumn(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret could not be encrypted", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String column) {
        if (column == null || !column.startsWith(PREFIX)) {
            return column;
        }
        try {
            byte[] all = Base64.getDecoder().decode(column.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a wrong key or a damaged value: never fall back to anything guessable
            throw new IllegalStateException("webhook secret could not be decrypted (is georisk.notification.secret-key right?)", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] raw = Base64.getDecoder().decode(ConfigProvider.getConfig()
                    .getValue("georisk.notification.secret-key", String.class).trim());
            if (raw.length != 32) {
                throw new IllegalStateException("georisk.notification.secret-key must be base64 of 32 bytes");
            }
            k = new SecretKeySpec(raw, "AES");
            key = k;
        }
        return k;
    }
}
