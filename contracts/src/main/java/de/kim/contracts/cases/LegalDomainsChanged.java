package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/** The legal domains a client is in changed. */
public record LegalDomainsChanged(
        String caseId,
        List<String> previous,
        List<String> current,
        LocalDate since) {

    public static final EventType TYPE = new EventType("kim.case.LegalDomainsChanged", 1);
}
