package dev.cdpconsole.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomSecretsAreLongAndDifferent() {
        String a = Secrets.random(32);
        assertEquals(43, a.length(), "32 bytes in unpadded base64url");
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
        assertNotEquals(a, Secrets.random(32));
    }

    @Test
    void noIdStartsWithAMinus() {
        // A plain draw starts with '-' once in 64: of 20,000 draws, about 312 would.
        for (int i = 0; i < 20_000; i++) {
            String id = Secrets.random(16);
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }

    @Test
    void hashesAreStableHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void constantTimeEquality() {
        assertTrue(Secrets.constantTimeEquals("same", "same"));
        assertFalse(Secrets.constantTimeEquals("same", "Same"));
        assertFalse(Secrets.constantTimeEquals("same", "same-but-longer"));
        assertFalse(Secrets.constantTimeEquals(null, "x"));
        assertFalse(Secrets.constantTimeEquals("x", null));
    }
}
