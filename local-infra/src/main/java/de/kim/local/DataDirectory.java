package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local platform's data directory holds event stores, the key store, read models, Kafka's
 * logs and the secrets: only the user who runs the platform may enter it. Files made earlier
 * with wider permissions are narrowed too, so that an old data directory is no exception.
 */
final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    /** Creates the directory if need be, owner-only, and takes group and others' rights from everything in it. */
    static void restrict(Path dataDir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, OWNER_DIRECTORY);
            try (Stream<Path> all = Files.walk(dataDir)) {
                all.filter(path -> !Files.isSymbolicLink(path)).forEach(DataDirectory::ownerOnly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the directory, if it does not exist, for its owner only. */
    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.notExists(dir) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another launcher made it: restrict() narrows it at the next start
            }
        }
        Files.createDirectories(dir);
    }

    /** Creates the file, if it does not exist, readable and writable by its owner only. */
    static void createOwnerOnly(Path file) throws IOException {
        if (Files.notExists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another launcher made it: restrict() narrows it at the next start
            }
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.removeIf(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (java.nio.file.NoSuchFileException goneMeanwhile) {
            // a process removed it while we walked: nothing left to protect
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
