package de.kim.steering.query.groups;

import de.kim.contracts.vocabulary.Body;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * A decision of the steering group or a project group: taken in a meeting (group, meeting and
 * agenda item known), or recorded on its own before meetings were kept (those know only the body).
 */
@Document("steering_decisions")
public class DecisionView {

    @Id
    public String id;
    public String tenant;
    public Body body;
    public String groupId;
    public String groupName;
    public String meetingId;
    public String agendaItemId;
    public LocalDate decidedOn;
    public String subject;
    public String text;
    public String goalId;
    public String measureId;
}
