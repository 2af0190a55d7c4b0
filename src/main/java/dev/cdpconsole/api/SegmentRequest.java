package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /segment/definitions} (every field but description and ttlInDays required) and of
 * {@code PATCH …/{segmentId}} (only the fields to change). {@code schema.name} may only be
 * {@code _xdm.context.profile}; {@code mergePolicyId} is accepted and kept, there being one merge policy.
 */
@Schema(name = "SegmentDefinitionRequest")
public class SegmentRequest {

    @Schema(example = "Gold members in Seoul", maxLength = 200)
    private String name;

    @Schema(example = "For the spring campaign", maxLength = 2000)
    private String description;

    private SegmentExpression expression;

    @Schema(description = "{\"name\": \"_xdm.context.profile\"}")
    private SchemaName schema;

    @Schema(description = "how many days an exited membership is kept (1 to 365, default 30)", example = "30")
    private Integer ttlInDays;

    private String mergePolicyId;

    public SegmentRequest() {
    }

    public SegmentRequest(String name, String description, SegmentExpression expression) {
        this.name = name;
        this.description = description;
        this.expression = expression;
    }

    /** {@code {"name": "_xdm.context.profile"}}. */
    @Schema(name = "SchemaClass")
    public static class SchemaName {
        private String name;

        public SchemaName() {
        }

        public SchemaName(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public SegmentExpression getExpression() {
        return expression;
    }

    public void setExpression(SegmentExpression expression) {
        this.expression = expression;
    }

    public SchemaName getSchema() {
        return schema;
    }

    public void setSchema(SchemaName schema) {
        this.schema = schema;
    }

    public Integer getTtlInDays() {
        return ttlInDays;
    }

    public void setTtlInDays(Integer ttlInDays) {
        this.ttlInDays = ttlInDays;
    }

    public String getMergePolicyId() {
        return mergePolicyId;
    }

    public void setMergePolicyId(String mergePolicyId) {
        this.mergePolicyId = mergePolicyId;
    }
}
