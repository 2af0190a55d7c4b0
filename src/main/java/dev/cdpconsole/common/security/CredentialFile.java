package dev.cdpconsole.common.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's own API credential in the embedded default: a properties file in the data folder, readable by
 * its owner only, written once at the first start by the platform and read by the console.
 */
public final class CredentialFile {

    public static final String NAME = "console-credential.properties";

    private CredentialFile() {
    }

    /** A client id and its secret. */
    public record Pair(String clientId, String secret) {
    }

    public static Path in(String dataDir) {
        return Path.of(dataDir).resolve(NAME);
    }

    public static Optional<Pair> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String id = properties.getProperty("client_id");
        String secret = properties.getProperty("client_secret");
        return id == null || secret == null ? Optional.empty() : Optional.of(new Pair(id, secret));
    }

    /** Writes the file, owner-only, unless it exists already. */
    public static void create(Path file, Pair pair) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Properties properties = new Properties();
            properties.setProperty("client_id", pair.clientId());
            properties.setProperty("client_secret", pair.secret());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "cdp-console: the console's own API credential (keep it private)");
            }
        } catch (FileAlreadyExistsException raced) {
            // another node or an earlier start wrote it: that one stands
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
