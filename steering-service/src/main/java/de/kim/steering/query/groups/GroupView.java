package de.kim.steering.query.groups;

import de.kim.contracts.vocabulary.Body;
import de.kim.contracts.vocabulary.MemberRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A steering or project group of a tenant with its members, as recorded. */
@Document("steering_groups")
public class GroupView {

    @Id
    public String id;
    public String tenant;
    public Body body;
    public String name;
    public List<Member> members = new ArrayList<>();

    /**
     * A member: a person of staff in their function, their organisation and role; {@code removedOn}
     * the day they left the group (null while they belong to it). Former members stay listed, so
     * that past attendance and tasks keep their names.
     */
    public record Member(String id, String name, String organisation, MemberRole role, LocalDate removedOn) {

        public boolean current() {
            return removedOn == null;
        }
    }

    static String tenantOf(GroupView group) {
        return group.tenant;
    }

    public Member member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst().orElse(null);
    }
}
