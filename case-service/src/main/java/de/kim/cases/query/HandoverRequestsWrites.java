package de.kim.cases.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The writes of {@link HandoverRequestsProjection}, one at a time, so that a rebuild can switch
 * databases between two of them: while a rebuild runs, each write made to the live requests is
 * kept, and the rebuild makes it again in the rebuilt database when it switches, so none made
 * during the rebuild is lost. Writes are idempotent (keyed by tenant and hand-over), so one the
 * replay has made already changes nothing.
 */
public class HandoverRequestsWrites {

    private final HandoverRequests live;
    private List<Consumer<HandoverRequests>> kept;

    public HandoverRequestsWrites(HandoverRequests live) {
        this.live = live;
    }

    public synchronized void apply(Consumer<HandoverRequests> write) {
        write.accept(live);
        if (kept != null) {
            kept.add(write);
        }
    }

    /** From now on each write is kept for the rebuild. */
    synchronized void keepForRebuild() {
        kept = new ArrayList<>();
    }

    /**
     * Between two writes: runs the switch to the rebuilt database, then makes there the writes kept
     * since {@link #keepForRebuild()}; writes after it go to the database live then.
     */
    synchronized void switchOver(Runnable switchDatabase, HandoverRequests rebuilt) {
        try {
            switchDatabase.run();
            kept.forEach(write -> write.accept(rebuilt));
        } finally {
            kept = null;
        }
    }

    /** A rebuild that fails stops keeping writes; the live database stays. */
    synchronized void stopKeeping() {
        kept = null;
    }
}
