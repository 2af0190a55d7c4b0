package dev.cdpconsole.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /sandboxes}. A class rather than a record: constraints on record components also
 * land on the constructor's parameters, which Payara's OpenAPI scanner takes for resource parameters.
 */
@Schema(name = "NewSandbox")
public class NewSandbox {

    public static final String NAME_RULE = "[a-z][a-z0-9-]*";
    public static final String NAME_RULE_TEXT =
            "name must consist of lower-case letters, digits and hyphens, starting with a letter";

    @NotBlank(message = "name is required")
    @Size(max = 64, message = "name may have at most 64 characters")
    @Pattern(regexp = NAME_RULE, message = NAME_RULE_TEXT)
    @Schema(example = "dev-2", pattern = NAME_RULE, maxLength = 64)
    private String name;

    @NotBlank(message = "title is required")
    @Size(max = 256, message = "title may have at most 256 characters")
    @Schema(example = "Dev 2", maxLength = 256)
    private String title;

    @NotBlank(message = "type is required")
    @Pattern(regexp = "production|development", message = "type must be production or development")
    @Schema(enumeration = {"production", "development"})
    private String type;

    public NewSandbox() {
    }

    public NewSandbox(String name, String title, String type) {
        this.name = name;
        this.title = title;
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
