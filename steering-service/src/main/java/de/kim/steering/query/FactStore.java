package de.kim.steering.query;

/**
 * Where the projection keeps its facts: the live MongoDB database, or memory while a rebuild
 * replays the topics (written to a fresh database in bulk at the end).
 */
public interface FactStore {

    <T extends Facts.Fact> T find(Class<T> type, String id);

    void save(Facts.Fact fact);
}
