package de.kim.local;

import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The Mongo-wire server's stores: an MVStore for each database, in a file of its own
 * ({@code databases/<name>.mv} beside the server's file), so that a commit writes the changed
 * pages of one database only.
 *
 * <p>Why: an MVStore commit writes every page changed since the one before, in every map of the
 * store. With all databases in one store, each durable write of any service (a processor's token,
 * a command's read-model row; several a second on an idle platform) wrote again the pages a
 * rebuild had changed in its fresh database since the last commit, and the fresh database's index
 * pages, filled in random order, were nearly all changed each time. With a store per database a
 * rebuild's pages are written by the commits of its own database only.
 *
 * <p>Databases made before this layout live in the server's own file (the shared store) and stay
 * there; every database made since gets its own. A database's file is deleted when it is dropped; a
 * file found without any collection (a database only read, never written) is deleted at the start.
 */
final class DatabaseStores implements AutoCloseable {

    /** The names under which the plain backend keeps a collection's maps: its documents and its options. */
    static final String DATA_MAP = "databases.";
    static final String META_MAP = "meta.";
    private static final String SUFFIX = ".mv";

    /** A database's store, with its group commit and its catalog of secondary indexes. */
    record Store(MVStore mvStore, DurableCommits commits, IndexCatalog catalog) {

        static Store of(MVStore store) {
            // H2 keeps a chunk that no version uses for 45 s by default, in case the operating system
            // writes the file out of order; every commit here is synced before it is answered, so the
            // space can be used again at once. Under load the retained chunks made the file gigabytes
            // and every commit rewrote their entries in H2's chunk map.
            store.setRetentionTime(0);
            return new Store(store, new DurableCommits(store), new IndexCatalog(store));
        }

        void close() {
            if (!mvStore.isClosed()) {
                catalog.stoppedCleanly();
                mvStore.close();
            }
        }
    }

    private final Store shared;
    /** The folder of the databases' files; {@code null}: every store in memory only. */
    private final Path directory;
    private final UnaryOperator<MVStore.Builder> tuning;
    private final Map<String, Store> own = new ConcurrentHashMap<>();

    /**
     * @param file the server's own file (the shared store), or {@code null} for memory only
     * @param tuning applied to the builder of every store (page cache, compression)
     */
    DatabaseStores(Path file, UnaryOperator<MVStore.Builder> tuning) {
        this.tuning = tuning;
        this.directory = file == null ? null : file.toAbsolutePath().getParent().resolve("databases");
        this.shared = Store.of(open(file));
        if (directory != null) {
            openFiles();
        }
    }

    Store shared() {
        return shared;
    }

    /** The names of the databases in files of their own, as found at the start. */
    Collection<String> ownDatabases() {
        return List.copyOf(own.keySet());
    }

    /** The store of a database: the shared one if the database is there, else its own, made if new. */
    Store of(String database) {
        Store store = own.get(database);
        if (store != null) {
            return store;
        }
        if (inShared(database)) {
            return shared;
        }
        return own.computeIfAbsent(database, name -> Store.of(open(directory == null ? null : fileOf(name))));
    }

    /** The store of a database already opened; the shared one for any other (e.g. {@code admin}). */
    Store existing(String database) {
        return own.getOrDefault(database, shared);
    }

    /**
     * Before the backend drops a database: its own store, taken out of the list, so that a database of
     * the same name made after the drop gets a new file; {@code null} for a database of the shared store.
     */
    Store detach(String database) {
        return own.remove(database);
    }

    /**
     * After the backend dropped a database: its own file is deleted, then closed (a store opened for the
     * name meanwhile finds the file locked, not the old data); the shared store is committed.
     */
    void dropped(Store detached) {
        if (detached == null) {
            shared.commits().awaitDurable();
            return;
        }
        String file = detached.mvStore().getFileStore() == null ? null : detached.mvStore().getFileStore().getFileName();
        if (file != null) {
            delete(Path.of(file));
        }
        detached.mvStore().closeImmediately();
    }

    /** Every store, the shared one first. */
    List<Store> all() {
        List<Store> stores = new ArrayList<>();
        stores.add(shared);
        stores.addAll(own.values());
        return stores;
    }

    @Override
    public void close() {
        for (Store store : all()) {
            store.close();
        }
    }

    /** As a kill would leave them: the last writes committed, no clean stop. */
    void closeAsIfKilled() {
        for (Store store : all()) {
            store.mvStore().commit();
            store.mvStore().closeImmediately();
        }
    }

    private boolean inShared(String database) {
        String data = DATA_MAP + database + ".";
        String meta = META_MAP + database + ".";
        return shared.mvStore().getMapNames().stream().anyMatch(name -> name.startsWith(data) || name.startsWith(meta));
    }

    private void openFiles() {
        try {
            Files.createDirectories(directory);
            List<Path> files;
            try (Stream<Path> listed = Files.list(directory)) {
                files = listed.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                String database = name.substring(0, name.length() - SUFFIX.length());
                MVStore store = open(file);
                if (store.getMapNames().stream().anyMatch(DatabaseStores::collection)) {
                    own.put(database, Store.of(store));
                } else {
                    store.closeImmediately();
                    delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data map of a collection: every database has one for its list of collections, even if only read. */
    private static boolean collection(String map) {
        return map.startsWith(DATA_MAP) && !map.endsWith(".system.namespaces");
    }

    private MVStore open(Path file) {
        MVStore.Builder builder = new MVStore.Builder();
        if (file != null) {
            builder.fileName(file.toString());
        }
        return tuning.apply(builder).open();
    }

    private Path fileOf(String database) {
        return directory.resolve(database + SUFFIX);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
