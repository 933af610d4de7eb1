package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * The client's personal data was erased (crypto-shredding: their key is gone). Every service
 * removes its readable copy of the client's data; anonymous facts and figures stay.
 */
public record ClientErased(
        String caseId,
        LocalDate erasedOn) {

    public static final EventType TYPE = new EventType("kim.case.ClientErased", 1);
}
