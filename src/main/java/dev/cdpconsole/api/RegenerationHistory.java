package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credential's regeneration log, newest first. */
@Schema(name = "RegenerationHistory")
public record RegenerationHistory(String clientId, List<RegenerationView> regenerations) {
}
