package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What ingesting one record did.
 *
 * @param xid        the profile the record belongs to now
 * @param created    whether the record started a new profile
 * @param mergedXids profiles this record joined into {@code xid} (they no longer exist on their own)
 * @param identities how many identities the profile has now
 */
@Schema(name = "IngestedRecord")
public record IngestedRecord(String xid, boolean created, List<String> mergedXids, int identities) {
}
