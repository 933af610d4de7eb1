package de.kim.local;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The embedded stand-in for MongoDB: a server that speaks the MongoDB wire protocol, backed
 * by H2 MVStore files (one per database, {@link DatabaseStores}). The services talk to it with the
 * real MongoDB driver. It serves read models (with their indexes, {@link SecondaryIndex}), never events.
 */
public final class MongoWireServer implements AutoCloseable {

    private final int port;
    private final Path file;
    private final UnaryOperator<MVStore.Builder> tuning;
    private MongoServer server;
    private SnapshotReadH2Backend backend;

    /**
     * MB of decoded pages each database's store keeps (H2's default is 16). Every find without an
     * index reads the whole collection, so pages kept decoded make full reads (steering's figures)
     * several times faster than decoding them from the file again (figures in docs/BENCHMARKS.md).
     * 128 when all databases shared one store; with a store each, the few large ones (case files,
     * steering's facts, their rebuilds) share the server's heap.
     */
    static final int PAGE_CACHE_MB = 64;

    /**
     * Threads that run commands (netty's default is two per core). A write waits for its durable
     * commit in the thread that runs it; the writers waiting together share one commit, so more
     * threads than cores let more writers share each sync (figures in docs/BENCHMARKS.md).
     */
    static final int WORKER_THREADS = 32;

    /**
     * The store compresses each page it writes (H2's LZF): documents repeat their field names and
     * index entries their keys, so the file of the quick volume run took 100 MB instead of 172 MB
     * (1,730 instead of 2,981 bytes per seeded event) and 85 MB instead of 228 MB after three more
     * rebuilds, at the same rebuild and query speed (docs/BENCHMARKS.md, "Disk per store"). Pages
     * written before without compression stay readable.
     *
     * @param file the H2 file that keeps the data, or {@code null} for memory only
     */
    public MongoWireServer(int port, Path file) {
        this(port, file, store -> store.cacheSize(PAGE_CACHE_MB).compress());
    }

    /** For tests that need the store under pressure: its builder tuned, e.g. a smaller page cache. */
    MongoWireServer(int port, Path file, UnaryOperator<MVStore.Builder> tuning) {
        this.port = port;
        this.file = file;
        this.tuning = tuning;
    }

    public synchronized MongoWireServer start() {
        if (server != null) {
            return this;
        }
        backend = new SnapshotReadH2Backend(new DatabaseStores(file == null ? null : prepared(file), tuning));
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 0, WORKER_THREADS);
        return this;
    }

    /** The store of the given database (its own, or the shared one it was made in). */
    MVStore store(String database) {
        return backend.databaseStores().of(database).mvStore();
    }

    /** Documents read by finds and counts since the start: few where an index serves them, all where they scan. */
    long documentsRead() {
        return backend.documentsRead();
    }

    /** The group commit of the given database's store. */
    DurableCommits commits(String database) {
        return backend.databaseStores().of(database).commits();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            backend.close();
            server = null;
        }
    }

    /** For tests: ends the server as a kill would, its last writes committed but without a clean stop. */
    synchronized void stopAsIfKilled() {
        if (server != null) {
            backend.databaseStores().closeAsIfKilled();
            server.shutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Path prepared(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
