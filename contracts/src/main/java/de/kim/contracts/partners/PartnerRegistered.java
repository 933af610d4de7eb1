package de.kim.contracts.partners;

import de.kim.contracts.EventType;

import java.util.List;

/**
 * A network partner was registered or changed: the directory case management refers to, and the
 * network steering reports. {@code kind} is a code of {@code contracts.vocabulary.PartnerKind}
 * (what kind of organisation it is). Version 1, still on the topic, had no kind ({@link Version1}).
 */
public record PartnerRegistered(
        String partnerId,
        String name,
        String kind,
        List<String> legalDomains,
        List<String> fieldsOfAction,
        List<String> towns) {

    public static final EventType TYPE = new EventType("kim.partner.PartnerRegistered", 2);
    /** The previous version: the fields of this record without the kind ({@link Version1}). */
    public static final EventType VERSION_1 = new EventType("kim.partner.PartnerRegistered", 1);

    /** The payload of a version-1 record: no kind. */
    public record Version1(String partnerId, String name, List<String> legalDomains, List<String> fieldsOfAction,
                           List<String> towns) {

        /** The current record with no kind known (null): a reader counts such a partner under "Art nicht bekannt". */
        public PartnerRegistered upgraded() {
            return new PartnerRegistered(partnerId, name, null, legalDomains, fieldsOfAction, towns);
        }
    }
}
