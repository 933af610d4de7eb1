package de.kim.cases.web.docs;

/** Texts several of case-service's operation docs share. */
final class CaseDocTexts {

    static final String NOT_FOUND = "No such case in the Kommune, or not one the user works on (a case manager "
            + "sees the cases assigned to them; the lead of case management sees all).";
    static final String ENTRY_NOT_FOUND = "No such case, or no such entry in it.";
    static final String CHANGED = "The case is closed or erased, or the request repeats what is already so, or "
            + "`If-Match` names a version older than the case file's current one: reload and decide again.";
    static final String IF_MATCH = " Send the case file's `ETag` in `If-Match` to make sure nobody changed the case "
            + "meanwhile.";

    private CaseDocTexts() {
    }
}
