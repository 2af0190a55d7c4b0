package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A segment's definition, as Adobe's segmentation service carries it: {@code {"type": "PQL", "format":
 * "pql/text", "value": "loyalty.tier = \"gold\""}}. (A class, as request bodies are: see {@link NewSandbox}.)
 */
@Schema(name = "Expression")
public class SegmentExpression {

    public static final String PQL = "PQL";
    public static final String PQL_TEXT = "pql/text";

    @Schema(enumeration = PQL, defaultValue = PQL)
    private String type;

    @Schema(enumeration = PQL_TEXT, defaultValue = PQL_TEXT)
    private String format;

    @Schema(required = true, example = "loyalty.tier = \"gold\" and homeAddress.city = \"Seoul\"",
            description = "the definition in PQL (the subset the README lists)")
    private String value;

    public SegmentExpression() {
    }

    public SegmentExpression(String type, String format, String value) {
        this.type = type;
        this.format = format;
        this.value = value;
    }

    public static SegmentExpression pql(String value) {
        return new SegmentExpression(PQL, PQL_TEXT, value);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
