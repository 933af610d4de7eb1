package de.kim.cases.query;

import de.kim.cases.api.WorkItemKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * One item of a case manager's work basket (Arbeitskorb). Ids, codes and dates only: the words a
 * case manager reads are made when the basket is shown.
 *
 * @param id       {@code <case id>:<kind>:<id of what it is about>}
 * @param detail   the referral's answer ({@code ACCEPTED}, {@code DECLINED}, {@code COMPLETED}), the
 *                 follow-up's id; null otherwise
 * @param showFrom the day from which the item is in the basket (a follow-up's due day, a consent's last
 *                 day less 30 days, the day of an answer or hand-over)
 * @param dueOn    the day it is due: a follow-up's, a consent's last day; else the day it came
 */
@CompoundIndex(name = "tenant_assignee_open", def = "{'tenant': 1, 'assignee': 1, 'done': 1, 'showFrom': 1}")
@CompoundIndex(name = "case_open", def = "{'caseId': 1, 'done': 1}")
@Document("work_basket")
public record WorkBasketItem(@Id String id, String tenant, String caseId, WorkItemKind kind, String detail,
                             String assignee, LocalDate showFrom, LocalDate dueOn, boolean done) {
}
