package de.kim.steering.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What steering keeps of one case: no person, only the dimensions the figures are cut by.
 *
 * @param lastSequence the sequence of the last case event applied; older or repeated events are ignored
 */
@Document("case_facts")
public record CaseFact(@Id String id, String tenant, String town, String targetGroup, String openedMonth,
                       String status, long lastSequence) {
}
