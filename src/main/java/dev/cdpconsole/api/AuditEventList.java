package dev.cdpconsole.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit log, newest first. */
@Schema(name = "AuditEventList")
public record AuditEventList(List<AuditEventView> events, SandboxList.PageInfo _page, Map<String, Link> _links) {
}
