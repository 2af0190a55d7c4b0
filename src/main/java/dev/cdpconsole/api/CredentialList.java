package dev.cdpconsole.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of credentials. */
@Schema(name = "CredentialList")
public record CredentialList(List<CredentialView> credentials, SandboxList.PageInfo _page, Map<String, Link> _links) {
}
