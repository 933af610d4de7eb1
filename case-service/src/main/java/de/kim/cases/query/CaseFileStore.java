package de.kim.cases.query;

import java.time.LocalDate;

/**
 * Where the case-file projection keeps the case files and the follow-up list: the live database
 * ({@link MongoCaseFileStore}), or memory during a rebuild ({@link MemoryCaseFileStore}), which
 * derives the follow-up list from the files when it writes them.
 */
public interface CaseFileStore {

    CaseFile find(String caseId);

    /** Adds a new file; answers false if there is one with its id already. */
    boolean insert(CaseFile file);

    void save(CaseFile file);

    void followUpScheduled(FollowUpEntry entry);

    void followUpCompleted(String entryId, LocalDate completedOn);

    /** The open follow-ups of the case assigned to {@code from} pass to {@code to}. */
    void followUpsHandedOver(String caseId, String from, String to);

    /** The subjects of the case's follow-ups are erased (left empty where there was one). */
    void followUpSubjectsErased(String caseId);
}
