package de.kim.steering.query.groups;

import de.kim.platform.domain.NotFoundException;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads a tenant's groups, meetings, decisions and tasks, a page at a time, filtered in the
 * database; another tenant's document is answered as a missing one.
 */
@Component
public class SteeringGroups {

    private final ReadModelDatabase database;

    public SteeringGroups(@Qualifier("steeringGroupsDatabase") ReadModelDatabase database) {
        this.database = database;
    }

    /** One page of a list, with the number of all entries the filter finds. */
    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    public Page<GroupView> groups(String tenant, int page, int size) {
        return page(Query.query(tenantIs(tenant)).with(Sort.by("body", "name")), page, size, GroupView.class);
    }

    public GroupView group(String tenant, String groupId) {
        return own(tenant, mongo().findById(groupId, GroupView.class), GroupView::tenantOf, "steering.group.not-found");
    }

    /**
     * Meetings of the tenant, of one group or all; {@code from} given: those on or after that day,
     * the next first; else all, the latest first.
     */
    public Page<MeetingView> meetings(String tenant, String groupId, LocalDate from, int page, int size) {
        Criteria criteria = tenantIs(tenant);
        if (groupId != null) {
            criteria = criteria.and("groupId").is(groupId);
        }
        if (from != null) {
            criteria = criteria.and("heldOn").gte(from);
        }
        Sort sort = from != null ? Sort.by(Sort.Direction.ASC, "heldOn") : Sort.by(Sort.Direction.DESC, "heldOn");
        return page(Query.query(criteria).with(sort), page, size, MeetingView.class);
    }

    public MeetingView meeting(String tenant, String groupId, String meetingId) {
        MeetingView meeting = own(tenant, mongo().findById(meetingId, MeetingView.class), m -> m.tenant,
                "steering.meeting.not-found");
        if (!meeting.groupId.equals(groupId)) {
            throw new NotFoundException("steering.meeting.not-found");
        }
        return meeting;
    }

    /** Decisions of the tenant, of one meeting or all, the latest first. */
    public Page<DecisionView> decisions(String tenant, String meetingId, int page, int size) {
        Criteria criteria = tenantIs(tenant);
        if (meetingId != null) {
            criteria = criteria.and("meetingId").is(meetingId);
        }
        return page(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "decidedOn")), page, size, DecisionView.class);
    }

    public DecisionView decision(String tenant, String decisionId) {
        return own(tenant, mongo().findById(decisionId, DecisionView.class), d -> d.tenant, "steering.decision.not-found");
    }

    /** Tasks of the tenant, open ones only or all, of one meeting or all, the next due first. */
    public Page<TaskView> tasks(String tenant, Boolean open, String meetingId, int page, int size) {
        Criteria criteria = tenantIs(tenant);
        if (open != null) {
            criteria = criteria.and("done").is(!open);
        }
        if (meetingId != null) {
            criteria = criteria.and("meetingId").is(meetingId);
        }
        return page(Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "dueOn")), page, size, TaskView.class);
    }

    private <T> Page<T> page(Query query, int page, int size, Class<T> type) {
        long total = mongo().count(Query.of(query).limit(0).skip(0), type);
        List<T> items = mongo().find(query.skip((long) page * size).limit(size), type);
        return new Page<>(page, size, total, items);
    }

    private static Criteria tenantIs(String tenant) {
        return Criteria.where("tenant").is(tenant);
    }

    private static <T> T own(String tenant, T document, java.util.function.Function<T, String> tenantOf, String missing) {
        if (document == null || !tenant.equals(tenantOf.apply(document))) {
            throw new NotFoundException(missing);
        }
        return document;
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
