package dev.cdpconsole.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One hit of the agent search. */
@Schema(name = "ProfileHit")
public record ProfileHit(String xid, String firstName, String lastName, String email, String phone, String city,
        BigDecimal lifetimeValue) {

    /** A page of hits. */
    @Schema(name = "ProfileHits")
    public record Page(List<ProfileHit> profiles, SandboxList.PageInfo _page, Map<String, Link> _links) {
    }
}
