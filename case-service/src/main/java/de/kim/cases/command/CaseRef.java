package de.kim.cases.command;

import de.kim.cases.api.CaseId;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.privacy.Sealed;

/**
 * The case a part of the aggregate belongs to: its id, which every event names, and its tenant,
 * whose key store seals the texts typed about the client.
 */
record CaseRef(CaseId id, String tenant) {

    /** The text sealed with the key of the case's client; {@code null} for no text. */
    Sealed seal(CaseTexts texts, String text) {
        return texts.seal(tenant, id, text);
    }

    /** The sealed text read with the key of the case's client. */
    String open(CaseTexts texts, Sealed text) {
        return texts.open(tenant, text);
    }
}
