package de.kim.cases.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** One follow-up in the list of what is due per case manager. */
@Document("follow_ups")
public record FollowUpEntry(@Id String id, String tenant, String caseId, String followUpId, LocalDate dueOn,
                            String subject, String assignee, LocalDate completedOn) {
}
