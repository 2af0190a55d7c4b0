package dev.cdpconsole.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a regeneration: why, and how long the old secret keeps working. (A class: see {@link NewSandbox}.) */
@Schema(name = "RegenerationRequest")
public class RegenerationRequest {

    public static final int MAX_GRACE_HOURS = 168;
    public static final int MAX_REASON = 500;

    @NotBlank(message = "reason is required")
    @Size(max = MAX_REASON, message = "reason may have at most 500 characters")
    @Schema(example = "Quarterly rotation", maxLength = MAX_REASON)
    private String reason;

    @NotNull(message = "graceHours is required (0 to 168)")
    @Min(value = 0, message = "graceHours must be between 0 and 168")
    @Max(value = MAX_GRACE_HOURS, message = "graceHours must be between 0 and 168")
    @Schema(description = "0: the old secret and its tokens stop at once; up to 168 (7 days)", minimum = "0",
            maximum = "168")
    private Integer graceHours;

    public RegenerationRequest() {
    }

    public RegenerationRequest(String reason, Integer graceHours) {
        this.reason = reason;
        this.graceHours = graceHours;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Integer getGraceHours() {
        return graceHours;
    }

    public void setGraceHours(Integer graceHours) {
        this.graceHours = graceHours;
    }
}
