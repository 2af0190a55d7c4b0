package dev.cdpconsole.platform.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesTheWeakerOnes() {
        assertTrue(Role.ADMIN.includes(Role.READ));
        assertTrue(Role.ACTIVATE.includes(Role.WRITE));
        assertTrue(Role.WRITE.includes(Role.WRITE));
        assertFalse(Role.READ.includes(Role.WRITE));
        assertFalse(Role.ACTIVATE.includes(Role.ADMIN));
    }
}
