package de.kim.cases.privacy;

import de.kim.cases.api.CaseId;
import de.kim.platform.privacy.ForeignTenantException;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the texts of a case (free text typed about the client, references, notes)
 * with the client's key, whose key store subject is the case id. A text reads as itself while
 * the client's data exists and as the empty string once the client is erased; a text never
 * typed stays {@code null}.
 *
 * <p>Events stored before their texts were sealed are read through {@code SealedTextUpcaster},
 * which cannot encrypt: it wraps the stored plain text as {@link #UNSEALED} + text. Such a text
 * is shown under the same rule (gone from every answer once the client's key is shredded), but
 * its event store row still holds it in plain text.
 */
@Component
public class CaseTexts {

    /** Marks a text of an event stored before sealing; ':' is not in the Base64 alphabet, so no ciphertext starts so. */
    public static final String UNSEALED = "unsealed:";

    private final PersonalDataVault vault;

    public CaseTexts(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** The text sealed with the client's key of the case; {@code null} for no text. */
    public Sealed seal(String tenant, CaseId caseId, String text) {
        return text == null ? null : vault.seal(tenant, caseId.value(), text);
    }

    /** The text, the empty string once the client is erased, {@code null} when none was typed. */
    public String open(String tenant, Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.data().startsWith(UNSEALED)) {
            if (!vault.isOf(tenant, sealed.subject())) {
                throw new ForeignTenantException();
            }
            return vault.holdsKeyOf(sealed.subject()) ? sealed.data().substring(UNSEALED.length()) : "";
        }
        return vault.open(tenant, sealed, String.class).orElse("");
    }

    /** Whether the client of the case is erased (their key shredded). */
    public boolean erased(CaseId caseId) {
        return !vault.holdsKeyOf(caseId.value());
    }
}
