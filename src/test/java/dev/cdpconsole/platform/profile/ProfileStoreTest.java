package dev.cdpconsole.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProfileStoreTest {

    /**
     * bench/lookup.sql claims to send the entities lookup's query word for word; its variables stand where the
     * API binds parameters (the sandbox, the namespace, the email).
     */
    @Test
    void theBenchmarksLookupSqlIsTheQueryTheApiSends() throws IOException {
        String script = Files.readAllLines(Path.of("bench", "lookup.sql")).stream()
                .filter(line -> !line.startsWith("--") && !line.startsWith("\\") && !line.isBlank())
                .reduce("", String::concat).strip();
        String asBound = script.replace(":sandbox", "?").replace("i.namespace = 'email'", "i.namespace = ?")
                .replace("(SELECT email FROM cdp_bench.bench_email WHERE n = :n)", "?");
        assertEquals(ProfileStore.SNAPSHOT_BY_IDENTITY_WITH_MEMBERSHIPS + ";", asBound);
    }
}
