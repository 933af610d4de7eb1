package de.kim.contracts.vocabulary;

/** How the immigration office sees a client's chances of a pathway to a secure status, in its answer to a status check. */
public enum PathwayProspect {
    /** The requirements are met: the client may apply now. */
    REQUIREMENTS_MET,
    /** The requirements will be met soon (e.g. the residence period is reached within months). */
    REQUIREMENTS_MET_SOON,
    /** Requirements are still missing (e.g. a language certificate, secured livelihood). */
    REQUIREMENTS_MISSING,
    /** The pathway is not open to the client. */
    NOT_OPEN
}
