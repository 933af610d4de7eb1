package de.kim.cases.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** One follow-up in the list of what is due per case manager, with its case's Aktenzeichen (null before case numbers). */
@CompoundIndex(name = "tenant_open_due", def = "{'tenant': 1, 'completedOn': 1, 'dueOn': 1}")
@CompoundIndex(name = "case_open", def = "{'caseId': 1, 'completedOn': 1}")
@Document("follow_ups")
public record FollowUpEntry(@Id String id, String tenant, String caseId, String caseNumber, String followUpId, LocalDate dueOn,
                            String subject, String assignee, LocalDate completedOn) {
}
