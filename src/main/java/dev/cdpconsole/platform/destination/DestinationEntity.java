package dev.cdpconsole.platform.destination;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file destination of a sandbox; its columns are JSON arrays of namespaces and attribute paths. */
@Entity
@Table(name = "destination")
public class DestinationEntity {

    @Id
    public String id;

    public String sandbox;

    public String name;

    public String description;

    public String folder;

    @Column(name = "file_format")
    public String format;

    public String compression;

    @Column(name = "file_name_template")
    public String fileNameTemplate;

    @Column(name = "identity_columns")
    public String identityColumns;

    @Column(name = "attribute_columns")
    public String attributeColumns;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected DestinationEntity() {
    }

    DestinationEntity(String id, String sandbox, String by, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.createdBy = by;
        this.createdAt = at;
    }

    // Changes go through the entity's own method: EclipseLink's woven change tracking does not see fields
    // written from other classes.
    void set(Settings settings, OffsetDateTime at) {
        name = settings.name();
        description = settings.description();
        folder = settings.folder();
        format = settings.format();
        compression = settings.compression();
        fileNameTemplate = settings.fileNameTemplate();
        identityColumns = settings.identityColumns();
        attributeColumns = settings.attributeColumns();
        updatedAt = at;
    }

    /** Every setting of a destination, checked. */
    record Settings(String name, String description, String folder, String format, String compression,
            String fileNameTemplate, String identityColumns, String attributeColumns) {
    }
}
