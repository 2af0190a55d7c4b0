package dev.cdpconsole.platform.destination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.problem.ProblemException;

/**
 * Where destination folders live: under {@code cdp.destinations.root}, and nowhere else. A folder is a relative
 * path of plain names (no {@code ..}, no leading dot, no drive or backslash); at run time the real path (links
 * resolved) must still be under the real root.
 */
@ApplicationScoped
public class DestinationFolders {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_ .-]{0,99}");

    @Inject
    @ConfigProperty(name = "cdp.destinations.root")
    String configuredRoot;

    private Path root;

    @PostConstruct
    void init() {
        root = Paths.get(configuredRoot).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The folder as kept: its names joined by '/'; 400 for anything that could leave the root. */
    public static String check(String folder) {
        if (folder == null || folder.isBlank()) {
            throw ProblemException.badRequest("destination-folder-missing", "folder is required");
        }
        String trimmed = folder.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.length() > 500 || trimmed.startsWith("/") || trimmed.contains("\\") || trimmed.contains(":")) {
            throw badFolder();
        }
        for (String name : trimmed.split("/", -1)) {
            if (!NAME.matcher(name).matches() || name.endsWith(".") || name.endsWith(" ")) {
                throw badFolder();
            }
        }
        return trimmed;
    }

    private static ProblemException badFolder() {
        return ProblemException.badRequest("destination-folder-invalid", "folder must be a relative path under the "
                + "destinations root: names of letters, digits, spaces, '.', '_' and '-' joined by '/', none starting "
                + "with '.' and no '..'");
    }

    /**
     * The folder's directory, made if missing, checked to be (after links) under the root. Throws
     * {@link IOException} with a clear message when it cannot be made or written, or leaves the root.
     */
    public Path open(String folder) throws IOException {
        Path dir = root.resolve(check(folder)).normalize();
        if (!dir.startsWith(root)) {
            throw new IOException("the folder " + folder + " is outside the destinations root");
        }
        Files.createDirectories(dir);
        Path real = dir.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new IOException("the folder " + folder + " leads outside the destinations root");
        }
        if (!Files.isWritable(real)) {
            throw new IOException("the folder " + folder + " is not writable");
        }
        return real;
    }

    /** The staging folder for files being written (beside the destinations, on the same file system, hidden). */
    public Path staging() throws IOException {
        Path staging = root.resolve(".staging");
        Files.createDirectories(staging);
        return staging;
    }
}
