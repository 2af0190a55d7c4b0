package dev.cdpconsole.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ShortMemoryTest {

    @Test
    void remembersUntilItForgets() {
        ShortMemory<String, Integer> memory = new ShortMemory<>(60, 10);
        memory.remember("a", 1, memory.generation());
        assertEquals(Optional.of(1), memory.recall("a"));
        memory.forgetAll();
        assertTrue(memory.recall("a").isEmpty());
    }

    @Test
    void aValueReadWhileAChangeCameIsNotRemembered() {
        ShortMemory<String, Integer> memory = new ShortMemory<>(60, 10);
        long before = memory.generation();
        memory.forgetAll();
        memory.remember("a", 1, before);
        assertTrue(memory.recall("a").isEmpty());
    }

    @Test
    void zeroSecondsRemembersNothing() {
        ShortMemory<String, Integer> memory = new ShortMemory<>(0, 10);
        memory.remember("a", 1, memory.generation());
        assertTrue(memory.recall("a").isEmpty());
    }
}
