package dev.cdpconsole.platform.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anExactGrantWinsOverEverySandbox() {
        TokenService.Caller cut = new TokenService.Caller(1, "c", 2, null,
                List.of(new Grant("prod", "read"), new Grant(Grant.EVERY_SANDBOX, "write")));
        assertEquals(Optional.of("read"), cut.roleIn("prod"));
        assertEquals(Optional.of("write"), cut.roleIn("dev"));
        assertTrue(cut.seesEverySandbox());
        assertEquals(List.of("prod"), cut.grantedSandboxes());
    }

    @Test
    void withoutAGrantThereIsNoRole() {
        TokenService.Caller cut = new TokenService.Caller(1, "c", 2, "console", List.of(new Grant("prod", "admin")));
        assertTrue(cut.roleIn("dev").isEmpty());
        assertFalse(cut.seesEverySandbox());
        assertTrue(cut.isConsole());
    }

    @Test
    void slotsByName() {
        assertEquals(Optional.of(Slot.PRIMARY), Slot.of("primary"));
        assertEquals(Optional.of(Slot.SECONDARY), Slot.of("secondary"));
        assertTrue(Slot.of("Primary").isEmpty());
        assertTrue(Slot.of(null).isEmpty());
    }
}
