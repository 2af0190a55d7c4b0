package dev.cdpconsole.platform.user;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A console user. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "console_user")
@NamedQuery(name = "ConsoleUser.findByLogin", query = "SELECT u FROM ConsoleUserEntity u WHERE u.login = :login")
@NamedQuery(name = "ConsoleUser.list", query = "SELECT u FROM ConsoleUserEntity u ORDER BY u.login")
@NamedQuery(name = "ConsoleUser.countEnabledAdmins",
        query = "SELECT COUNT(u) FROM ConsoleUserEntity u WHERE u.enabled = TRUE AND u.roles LIKE '%ADMIN%'")
@NamedQuery(name = "ConsoleUser.count", query = "SELECT COUNT(u) FROM ConsoleUserEntity u")
public class ConsoleUserEntity {

    @Id
    @SequenceGenerator(name = "console_user_seq", sequenceName = "console_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "console_user_seq")
    Long id;

    String login;

    @Column(name = "password_hash")
    String passwordHash;

    /** Comma-separated: {@code ADMIN}, {@code MARKETER}, {@code AGENT}. */
    String roles;

    boolean enabled;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected ConsoleUserEntity() {
    }

    ConsoleUserEntity(String login, String passwordHash, List<String> roles, OffsetDateTime createdAt) {
        this.login = login;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    // Changed only through these methods (see SandboxEntity).

    void changePassword(String hash) {
        passwordHash = hash;
    }

    void changeRoles(List<String> newRoles) {
        roles = String.join(",", newRoles);
    }

    void setEnabled(boolean value) {
        enabled = value;
    }

    List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }
}
