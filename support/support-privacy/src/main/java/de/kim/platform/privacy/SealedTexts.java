package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seals and opens texts typed about a person (notes, reasons, descriptions) with that person's
 * key. A text reads as itself while the person's key exists and as the empty string once the
 * person is erased; no text stays {@code null}.
 *
 * <p>Events stored before their texts were sealed are read through an upcaster, which cannot
 * encrypt: {@link #wrapPlainText} turns the stored plain text into a {@link Sealed} holding it
 * behind {@link #UNSEALED}. Such a text is shown under the same rule (not at all once the
 * person's key is shredded), but its stored row still holds it in plain text.
 */
public class SealedTexts {

    /** Marks a text stored before sealing; ':' is not in the Base64 alphabet, so no ciphertext starts so. */
    public static final String UNSEALED = "unsealed:";

    private final PersonalDataVault vault;

    public SealedTexts(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** The text sealed with the subject's key; {@code null} for no text. */
    public Sealed seal(String tenant, String subject, String text) {
        return text == null ? null : vault.seal(tenant, subject, text);
    }

    /** The text, the empty string once its subject is erased, {@code null} when none was typed. */
    public String open(String tenant, Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        if (isUnsealed(sealed)) {
            if (!vault.isOf(tenant, sealed.subject())) {
                throw new ForeignTenantException();
            }
            return vault.holdsKeyOf(sealed.subject()) ? sealed.data().substring(UNSEALED.length()) : "";
        }
        return vault.open(tenant, sealed, String.class).orElse("");
    }

    /** Whether the subject's key is gone (the person erased). */
    public boolean erased(String subject) {
        return !vault.holdsKeyOf(subject);
    }

    /** Whether the value holds a text stored before sealing, which must never leave the service as if sealed. */
    public static boolean isUnsealed(Sealed sealed) {
        return sealed != null && sealed.data().startsWith(UNSEALED);
    }

    /**
     * For an upcaster: replaces the plain text in {@code node.field} by a {@code Sealed} of the
     * subject holding it unsealed. Null and absent fields stay so.
     */
    public static void wrapPlainText(ObjectNode node, String field, String subject) {
        JsonNode text = node.get(field);
        if (text != null && text.isTextual()) {
            ObjectNode sealed = node.objectNode();
            sealed.put("subject", subject);
            sealed.put("data", UNSEALED + text.asText());
            node.set(field, sealed);
        }
    }
}
