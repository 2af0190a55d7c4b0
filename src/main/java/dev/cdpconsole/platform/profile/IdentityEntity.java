package dev.cdpconsole.platform.profile;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One identity (namespace and value) of a profile; unique within a sandbox. */
@Entity
@Table(name = "profile_identity")
@IdClass(IdentityEntity.Key.class)
public class IdentityEntity {

    @Id
    String sandbox;

    @Id
    String namespace;

    @Id
    @Column(name = "identity_value")
    String value;

    @Column(name = "profile_id")
    Long profileId;

    protected IdentityEntity() {
    }

    IdentityEntity(String sandbox, String namespace, String value, Long profileId) {
        this.sandbox = sandbox;
        this.namespace = namespace;
        this.value = value;
        this.profileId = profileId;
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String sandbox;
        String namespace;
        String value;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sandbox, k.sandbox) && Objects.equals(namespace, k.namespace)
                    && Objects.equals(value, k.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sandbox, namespace, value);
        }
    }
}
