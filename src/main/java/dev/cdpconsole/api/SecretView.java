package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One secret of a slot, never with its value: its state, age and use.
 *
 * @param state    {@code active}, {@code expiring} (replaced, in its grace period), {@code expired} or {@code revoked}
 * @param flags    {@code too-old}, {@code idle}, {@code expiring-soon}, as the settings define them
 */
@Schema(name = "Secret")
public record SecretView(@Schema(enumeration = {"primary", "secondary"}) String slot,
        @Schema(enumeration = {"active", "expiring", "expired", "revoked"}) String state,
        String createdAt, String expiresAt, String revokedAt, String lastUsedAt, long useCount, long ageDays,
        List<String> flags) {
}
