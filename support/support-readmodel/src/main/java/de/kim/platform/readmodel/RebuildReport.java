package de.kim.platform.readmodel;

/**
 * What a rebuild did, and how fast: the events replayed (those it could not read counted apart),
 * the documents written, the time to replay in memory and to write, and events per second over both.
 */
public record RebuildReport(String readModel, long events, long unreadable, long documents, String database,
                            long replayMillis, long writeMillis, long millis, long eventsPerSecond) {

    public static RebuildReport of(String readModel, long events, long unreadable, long documents, String database,
                                   long startNanos, long replayedNanos, long writtenNanos) {
        long millis = Math.max(1, (writtenNanos - startNanos) / 1_000_000);
        return new RebuildReport(readModel, events, unreadable, documents, database,
                (replayedNanos - startNanos) / 1_000_000, (writtenNanos - replayedNanos) / 1_000_000, millis,
                events * 1000 / millis);
    }
}
