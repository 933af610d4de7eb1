package de.kim.local;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What the store knows of its secondary indexes: which index maps are complete (and which of their
 * keys have held an array), and whether the server was stopped cleanly.
 *
 * <p>An index map is trusted only if its state is recorded here: one built halfway (the server was
 * killed while it built it) is built again. The store commits all maps of a version together, but a
 * commit can come between a write's change to a collection and its change to an index (another
 * writer's durable commit, or H2's background writer). After a clean stop no write is halfway; after a
 * kill one may be, so every index is built again when the store is next opened.
 *
 * <p>Kept in a map of its own, {@code kim.secondary-indexes}: under {@code running} while the server
 * runs, and under {@code index.<map id>} the state of each index: {@link #FORMAT} in the low byte, and
 * a bit for each key that has held an array above it. Map ids stay with a map when it is renamed.
 */
final class IndexCatalog {

    static final String MAP = "kim.secondary-indexes";
    private static final String RUNNING = "running";
    /** The layout of the entries; an index of another layout is built again. */
    private static final long FORMAT = 1;

    private final MVMap<String, Long> states;

    IndexCatalog(MVStore store) {
        this.states = store.openMap(MAP);
        if (states.containsKey(RUNNING)) {
            states.clear();
        }
        states.put(RUNNING, 1L);
    }

    /** The keys (one bit each) of a complete index that have held an array; -1 if the index must be built. */
    long multikeys(MVMap<?, ?> index) {
        Long state = states.get(key(index));
        return state == null || (state & 0xff) != FORMAT ? -1 : state >>> 8;
    }

    /** Records the index as complete, with the keys that have held an array. */
    void complete(MVMap<?, ?> index, long multikeys) {
        states.put(key(index), FORMAT | (multikeys << 8));
    }

    void forget(MVMap<?, ?> index) {
        states.remove(key(index));
    }

    /** Before the store closes after the last write: no index needs building when it opens again. */
    void stoppedCleanly() {
        states.remove(RUNNING);
    }

    private static String key(MVMap<?, ?> index) {
        return "index." + index.getId();
    }
}
