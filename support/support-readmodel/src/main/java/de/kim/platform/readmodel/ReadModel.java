package de.kim.platform.readmodel;

/**
 * A read model of a service that knows where it is and can be rebuilt: listed with its position on
 * the health endpoint and under {@code GET /api/read-models/<service>}, rebuilt through
 * {@code POST /api/read-models/<service>/<name>/rebuild}.
 */
public interface ReadModel {

    /** The name in paths and reports, e.g. {@code case-files}. */
    String name();

    /** Where it is now. */
    ReadModelStatus status();

    /** Replays its source from the start into a fresh database and switches to it. */
    RebuildReport rebuild();
}
