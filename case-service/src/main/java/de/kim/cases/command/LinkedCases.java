package de.kim.cases.command;

import java.util.List;

/** Which cases of a tenant are linked to a residence record of the immigration office. */
public interface LinkedCases {

    /** The case ids linked to the record now, the latest link first. */
    List<String> casesLinkedTo(String tenant, String residenceRecordId);
}
