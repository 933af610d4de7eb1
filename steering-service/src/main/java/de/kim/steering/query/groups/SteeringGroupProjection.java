package de.kim.steering.query.groups;

import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.steering.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps the groups, their meetings, the decisions and the tasks in MongoDB from the groups'
 * events, and the decisions recorded before meetings were kept ({@link DecisionRecordedEvent}).
 * Documents are keyed by id and each event sets what it carries, so an event applied twice
 * changes nothing.
 */
@Component
@ProcessingGroup(SteeringGroupProjection.READ_MODEL)
public class SteeringGroupProjection {

    public static final String READ_MODEL = "steering-groups";

    private final ReadModelDatabase database;

    public SteeringGroupProjection(@Qualifier("steeringGroupsDatabase") ReadModelDatabase database) {
        this.database = database;
    }

    @EventHandler
    void on(GroupFormedEvent e) {
        GroupView group = new GroupView();
        group.id = e.groupId();
        group.tenant = e.tenant();
        group.body = e.body();
        group.name = e.name();
        if (mongo().findById(e.groupId(), GroupView.class) == null) {
            mongo().save(group);
        }
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        GroupView group = mongo().findById(e.groupId(), GroupView.class);
        group.members.removeIf(m -> m.id().equals(e.memberId()));
        group.members.add(new GroupView.Member(e.memberId(), e.name(), e.organisation(), e.role(), null));
        mongo().save(group);
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        member(e.groupId(), e.memberId(), m -> new GroupView.Member(m.id(), m.name(), e.organisation(), e.role(),
                m.removedOn()));
    }

    @EventHandler
    void on(MemberRemovedEvent e) {
        member(e.groupId(), e.memberId(), m -> new GroupView.Member(m.id(), m.name(), m.organisation(), m.role(),
                e.removedOn()));
    }

    @EventHandler
    void on(MeetingScheduledEvent e) {
        GroupView group = mongo().findById(e.groupId(), GroupView.class);
        MeetingView meeting = new MeetingView();
        meeting.id = e.meetingId();
        meeting.tenant = group.tenant;
        meeting.groupId = group.id;
        meeting.groupName = group.name;
        meeting.body = group.body;
        meeting.heldOn = e.heldOn();
        meeting.place = e.place();
        e.agenda().forEach(item -> meeting.agenda.add(new MeetingView.Item(item.id(), item.title(), null)));
        mongo().save(meeting);
    }

    @EventHandler
    void on(AttendanceRecordedEvent e) {
        meeting(e.meetingId(), meeting -> {
            meeting.attendanceRecorded = true;
            meeting.presentMemberIds = e.presentMemberIds();
        });
    }

    @EventHandler
    void on(MinutesRecordedEvent e) {
        meeting(e.meetingId(), meeting -> meeting.agenda.replaceAll(item -> item.id().equals(e.agendaItemId())
                ? new MeetingView.Item(item.id(), item.title(), e.text()) : item));
    }

    @EventHandler
    void on(MeetingDecisionRecordedEvent e) {
        GroupView group = mongo().findById(e.groupId(), GroupView.class);
        DecisionView decision = new DecisionView();
        decision.id = e.decisionId();
        decision.tenant = e.planId();
        decision.body = e.body();
        decision.groupId = e.groupId();
        decision.groupName = group.name;
        decision.meetingId = e.meetingId();
        decision.agendaItemId = e.agendaItemId();
        decision.decidedOn = e.decidedOn();
        decision.subject = e.subject();
        decision.text = e.text();
        decision.goalId = e.goalId();
        decision.measureId = e.measureId();
        mongo().save(decision);
    }

    /** A decision recorded on its own, before the groups kept meetings: it is listed with the others. */
    @EventHandler
    void on(DecisionRecordedEvent e) {
        DecisionView decision = new DecisionView();
        decision.id = e.decisionId();
        decision.tenant = e.planId();
        decision.body = e.body();
        decision.decidedOn = e.decidedOn();
        decision.subject = e.subject();
        decision.text = e.text();
        decision.goalId = e.goalId();
        mongo().save(decision);
    }

    @EventHandler
    void on(TaskAssignedEvent e) {
        GroupView group = mongo().findById(e.groupId(), GroupView.class);
        GroupView.Member owner = group.member(e.ownerMemberId());
        TaskView task = mongo().findById(e.taskId(), TaskView.class);
        if (task == null) {
            task = new TaskView();
        }
        task.id = e.taskId();
        task.tenant = group.tenant;
        task.groupId = group.id;
        task.groupName = group.name;
        task.meetingId = e.meetingId();
        task.decisionId = e.decisionId();
        task.title = e.title();
        task.ownerMemberId = e.ownerMemberId();
        task.ownerName = owner.name();
        task.ownerOrganisation = owner.organisation();
        task.dueOn = e.dueOn();
        task.goalId = e.goalId();
        task.measureId = e.measureId();
        mongo().save(task);
    }

    @EventHandler
    void on(TaskCompletedEvent e) {
        TaskView task = mongo().findById(e.taskId(), TaskView.class);
        task.done = true;
        task.doneOn = e.doneOn();
        mongo().save(task);
    }

    @ResetHandler
    void reset() {
        for (Class<?> type : new Class<?>[]{GroupView.class, MeetingView.class, DecisionView.class, TaskView.class}) {
            mongo().dropCollection(type);
        }
    }

    private void member(String groupId, String memberId, UnaryOperator<GroupView.Member> change) {
        GroupView group = mongo().findById(groupId, GroupView.class);
        group.members.replaceAll(m -> m.id().equals(memberId) ? change.apply(m) : m);
        mongo().save(group);
    }

    private void meeting(String meetingId, Consumer<MeetingView> change) {
        MeetingView meeting = mongo().findById(meetingId, MeetingView.class);
        change.accept(meeting);
        mongo().save(meeting);
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
