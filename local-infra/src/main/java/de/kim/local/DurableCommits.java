package de.kim.local;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the Mongo-wire server's MVStore: a write is answered only once it is in the
 * file and the file is synced ({@code fsync}), so an acknowledged write survives a SIGKILL of the
 * server and a power cut of the machine.
 *
 * <p>A writer, its change made in memory, takes a ticket and waits until a commit that covers
 * the ticket has been written and synced. Whoever holds the commit lock commits every change made
 * up to that moment, so writers that queue behind one sync share the next one.
 *
 * <p>Each commit writes a counter to a map of its own. A commit therefore always has something to
 * store and writes its chunk synchronously; H2 writes chunks in order, so any chunk the background
 * writer had started earlier (which may hold this writer's change) is in the file before the sync.
 */
final class DurableCommits {

    /** Not a {@code databases.} map: the backend never lists it as a database. */
    static final String MARKER_MAP = "kim.durable-commits";

    private final MVStore store;
    private final MVMap<String, Long> marker;
    private final AtomicLong requested = new AtomicLong();
    private final ReentrantLock commitLock = new ReentrantLock();
    private long durable;
    private long syncs;

    DurableCommits(MVStore store) {
        this.store = store;
        this.marker = store.openMap(MARKER_MAP);
    }

    /** Returns once every change made by the calling thread before the call is committed and synced. */
    void awaitDurable() {
        long ticket = requested.incrementAndGet();
        commitLock.lock();
        try {
            if (durable >= ticket) {
                return;
            }
            long upTo = requested.get();
            marker.put("commit", upTo);
            store.commit();
            if (store.getFileStore() != null) {
                store.sync();
            }
            durable = upTo;
            syncs++;
        } finally {
            commitLock.unlock();
        }
    }

    /** How many commits with sync have been made: fewer than writes when writers share them. */
    long syncs() {
        commitLock.lock();
        try {
            return syncs;
        } finally {
            commitLock.unlock();
        }
    }
}
