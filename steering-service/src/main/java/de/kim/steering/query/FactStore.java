package de.kim.steering.query;

/**
 * Where the projection keeps its facts: the live MongoDB database, or memory while a rebuild
 * replays the topics (written to a fresh database in bulk at the end).
 */
public interface FactStore {

    <T extends Facts.Fact> T find(Class<T> type, String id);

    void save(Facts.Fact fact);

    /** Whether this store keeps counted figures along with the facts, so that a change needs the fact's counts before. */
    boolean counts();

    /**
     * Saves a changed case or referral with the difference of its counted figures from
     * {@code before} (its counts before the change; none where this store does not
     * {@link #counts}), once per change id.
     */
    void saveCounted(Facts.Fact fact, FigureCounts before, String changeId);

    /**
     * Adds a fact that does not exist yet, in one write; {@code false} (and nothing written) when
     * one with its id exists already, as on an event delivered again. A case counts in the figures
     * from then on; so does a countable event of the immigration office that is saved.
     */
    boolean insertIfAbsent(Facts.Fact fact);
}
