package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.georisk.contracts.events.FeedLinesTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    private final StrictJson json = new StrictJson(new ObjectMapper());

    @Test
    void aByteOrderMarkBeforeABodyOrALineIsDropped() throws IOException {
        byte[] body = ("\uFEFF{\"a\":\"b\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("b", json.readTree(body).get("a").asText());
        assertTrue(json.parseLine("\uFEFF{\"a\":1}").ok());
    }

    @Test
    void anOverlongSequenceIsRefusedNotReadAsASlash() {
        // {"a":"/"} with the slash as the overlong pair C0 AF, which Jackson alone reads as "/"
        byte[] body = bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAF, '"', '}');
        Utf8Text.NotUtf8Exception e = assertThrows(Utf8Text.NotUtf8Exception.class, () -> json.readTree(body));
        assertEquals(6, e.offset());
        assertTrue(e.getMessage().startsWith(Utf8Text.NOT_UTF8), e.getMessage());
    }

    @Test
    void surrogatesAndTruncatedSequencesAreNotUtf8() {
        assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(bytes(0xED, 0xA0, 0x80))); // U+D800
        assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(bytes('a', 0xF0, 0x9F, 0x98)));
        assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(bytes(0xF8, 0x88, 0x80, 0x80, 0x80)));
    }
}
