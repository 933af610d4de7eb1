package de.kim.cases.privacy;

import de.kim.cases.api.CaseId;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.platform.privacy.SealedTexts;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the texts of a case (free text typed about the client, references, notes)
 * with the client's key, whose key store subject is the case id. A text reads as itself while
 * the client's data exists and as the empty string once the client is erased; a text never
 * typed stays {@code null}. Texts of events stored before sealing: see {@link SealedTexts}.
 */
@Component
public class CaseTexts extends SealedTexts {

    public CaseTexts(PersonalDataVault vault) {
        super(vault);
    }

    /** The text sealed with the key of the case's client; {@code null} for no text. */
    public Sealed seal(String tenant, CaseId caseId, String text) {
        return seal(tenant, caseId.value(), text);
    }
}
