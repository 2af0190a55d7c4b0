package dev.cdpconsole.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error body of the platform (an Adobe-style problem document).
 *
 * @param type   stable machine-readable error type
 * @param title  short human summary
 * @param status the HTTP status
 * @param detail what went wrong, in words
 * @param report structured detail, such as the fields that failed validation
 */
@Schema(name = "Problem", description = "The error body of every failure")
public record Problem(String type, String title, int status, String detail, Map<String, Object> report) {
}
