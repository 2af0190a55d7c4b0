package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a credential is used: per secret the last use and a count, and calls per day. */
@Schema(name = "CredentialUsage")
public record CredentialUsage(String clientId, List<SecretView> secrets, List<Day> daily) {

    /** Calls on one day (UTC), every day of the period, zero included. */
    public record Day(String date, long calls) {
    }
}
