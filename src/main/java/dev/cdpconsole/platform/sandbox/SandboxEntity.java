package dev.cdpconsole.platform.sandbox;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A sandbox row. */
@Entity
@Table(name = "sandbox")
@NamedQuery(name = "Sandbox.findByName", query = "SELECT s FROM SandboxEntity s WHERE s.name = :name")
@NamedQuery(name = "Sandbox.list", query = "SELECT s FROM SandboxEntity s ORDER BY s.isDefault DESC, s.name")
@NamedQuery(name = "Sandbox.listNamed",
        query = "SELECT s FROM SandboxEntity s WHERE s.name IN :names ORDER BY s.isDefault DESC, s.name")
@NamedQuery(name = "Sandbox.countNamed", query = "SELECT COUNT(s) FROM SandboxEntity s WHERE s.name IN :names")
@NamedQuery(name = "Sandbox.countAll", query = "SELECT COUNT(s) FROM SandboxEntity s")
@NamedQuery(name = "Sandbox.countNotDeleted", query = "SELECT COUNT(s) FROM SandboxEntity s WHERE s.state <> 'deleted'")
public class SandboxEntity {

    @Id
    @SequenceGenerator(name = "sandbox_seq", sequenceName = "sandbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_seq")
    Long id;

    String name;
    String title;

    @Column(name = "sandbox_type")
    String type;

    String state;

    @Column(name = "is_default")
    boolean isDefault;

    /** Counts the changes; shown as the {@code eTag}. */
    long version;

    @Column(name = "created_date")
    OffsetDateTime createdDate;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "last_modified_date")
    OffsetDateTime lastModifiedDate;

    @Column(name = "last_modified_by")
    String lastModifiedBy;

    protected SandboxEntity() {
    }

    SandboxEntity(String name, String title, String type, boolean isDefault, String by, OffsetDateTime at) {
        this.name = name;
        this.title = title;
        this.type = type;
        this.state = SandboxState.ACTIVE;
        this.isDefault = isDefault;
        this.version = 1;
        this.createdBy = by;
        this.createdDate = at;
        this.lastModifiedBy = by;
        this.lastModifiedDate = at;
    }

    // Every change goes through a method of the entity itself: JPA providers that weave change tracking into
    // the entity (EclipseLink on Payara) do not see fields written from other classes.

    void rename(String newTitle, String by, OffsetDateTime at) {
        title = newTitle;
        touch(by, at);
    }

    void markDeleted(String by, OffsetDateTime at) {
        state = SandboxState.DELETED;
        touch(by, at);
    }

    void touch(String by, OffsetDateTime at) {
        version++;
        lastModifiedBy = by;
        lastModifiedDate = at;
    }
}
