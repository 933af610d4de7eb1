package de.kim.platform.readmodel;

/**
 * Where a read model is: the position it holds (the events it has applied, as stored with its
 * documents), the head of its source, the lag between them, and the gaps it found and replayed
 * since the service started. A position or head that cannot be read now is null.
 *
 * @param source the event store or the topics it reads
 */
public record ReadModelStatus(String name, String database, String source, Long position, Long head, Long lag,
                              long gapsHealed, boolean rebuilding) {

    public static ReadModelStatus of(String name, String database, String source, Long position, Long head,
                                     long gapsHealed, boolean rebuilding) {
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        return new ReadModelStatus(name, database, source, position, head, lag, gapsHealed, rebuilding);
    }
}
