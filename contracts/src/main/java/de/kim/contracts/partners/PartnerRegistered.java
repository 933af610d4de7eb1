package de.kim.contracts.partners;

import de.kim.contracts.EventType;

import java.util.List;

/** A network partner was registered or changed: the directory case management refers to. */
public record PartnerRegistered(
        String partnerId,
        String name,
        List<String> legalDomains,
        List<String> fieldsOfAction,
        List<String> towns) {

    public static final EventType TYPE = new EventType("kim.partner.PartnerRegistered", 1);
}
