package de.kim.steering.query.groups;

import de.kim.contracts.vocabulary.Body;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A meeting of a group: day, place, the agenda with each item's minutes, and who attended. */
@Document("steering_meetings")
public class MeetingView {

    @Id
    public String id;
    public String tenant;
    public String groupId;
    public String groupName;
    public Body body;
    public LocalDate heldOn;
    public String place;
    public List<Item> agenda = new ArrayList<>();
    public boolean attendanceRecorded;
    public List<String> presentMemberIds = new ArrayList<>();

    /** An agenda item and its minutes (empty until recorded). */
    public record Item(String id, String title, String minutes) {
    }
}
