package de.kim.steering.query;

/**
 * Where the projection keeps its facts: the live MongoDB database, or memory while a rebuild
 * replays the topics (written to a fresh database in bulk at the end).
 */
public interface FactStore {

    <T extends Facts.Fact> T find(Class<T> type, String id);

    void save(Facts.Fact fact);

    /**
     * Adds a fact that does not exist yet, in one write; {@code false} (and nothing written) when
     * one with its id exists already, as on an event delivered again.
     */
    boolean insertIfAbsent(Facts.Fact fact);
}
