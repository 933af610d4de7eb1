package de.kim.steering.query.groups;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** A task a decision gave to a member: owner, due day, the goal and measure it serves, and whether it is done. */
@Document("steering_tasks")
public class TaskView {

    @Id
    public String id;
    public String tenant;
    public String groupId;
    public String groupName;
    public String meetingId;
    public String decisionId;
    public String title;
    public String ownerMemberId;
    public String ownerName;
    public String ownerOrganisation;
    public LocalDate dueOn;
    public String goalId;
    public String measureId;
    public boolean done;
    public LocalDate doneOn;
}
