package dev.cdpconsole.platform.credential;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An API credential (a named integration). Changed only through its own methods (see SandboxEntity). */
@Entity
@Table(name = "api_credential")
@NamedQuery(name = "Credential.findByClientId", query = "SELECT c FROM CredentialEntity c WHERE c.clientId = :clientId")
@NamedQuery(name = "Credential.list", query = "SELECT c FROM CredentialEntity c ORDER BY c.createdAt, c.id")
@NamedQuery(name = "Credential.count", query = "SELECT COUNT(c) FROM CredentialEntity c")
public class CredentialEntity {

    /** Credentials the server itself manages: not to be deleted, disabled or regenerated through the API. */
    static final String CONSOLE = "console";
    static final String BOOTSTRAP = "bootstrap";

    @Id
    @SequenceGenerator(name = "api_credential_seq", sequenceName = "api_credential_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_credential_seq")
    Long id;

    @Column(name = "client_id")
    String clientId;

    String name;
    String description;
    boolean enabled;

    @Column(name = "system_kind")
    String systemKind;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "created_by")
    String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "credential_grant", joinColumns = @JoinColumn(name = "credential_id"))
    List<Grant> grants = new ArrayList<>();

    protected CredentialEntity() {
    }

    CredentialEntity(String clientId, String name, String description, String systemKind, String by,
            OffsetDateTime at) {
        this.clientId = clientId;
        this.name = name;
        this.description = description;
        this.systemKind = systemKind;
        this.enabled = true;
        this.createdBy = by;
        this.createdAt = at;
    }

    void describe(String newName, String newDescription) {
        name = newName;
        description = newDescription;
    }

    void setEnabled(boolean value) {
        enabled = value;
    }

    void replaceGrants(List<Grant> newGrants) {
        grants.clear();
        grants.addAll(newGrants);
    }

    boolean isSystem() {
        return systemKind != null;
    }
}
