package de.kim.cases.query;

import de.kim.cases.api.AccessRoute;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.TargetGroup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * The case file as the case manager sees it: the read model behind {@code GET /api/cases/{id}}.
 *
 * @param version the sequence number of the last event applied; the version a client sends back to change the case
 */
@Document("case_files")
public record CaseFile(@Id String id, String tenant, ClientProfile client, TargetGroup targetGroup,
                       AccessRoute accessRoute, String assignee, String status, LocalDate openedOn, long version) {
}
