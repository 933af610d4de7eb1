package de.kim.steering.command;

import de.kim.contracts.vocabulary.Body;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The steering group (Lenkungsgruppe) or a project group of a Kommune, with its members and its
 * meetings: agenda, attendance, minutes, and the decisions that give tasks to members. Meetings
 * live in their group because every rule about them asks who belongs to it (attendance, task
 * owners); a group meets some ten times a year, so its stream stays short.
 */
@Aggregate
public class SteeringGroupAggregate {

    @AggregateIdentifier
    private String groupId;
    private String tenant;
    private Body body;
    /** Current members: only they attend a meeting from now on and take tasks. */
    private final Set<String> members = new HashSet<>();
    private final Set<String> formerMembers = new HashSet<>();
    private final Map<String, Meeting> meetings = new HashMap<>();
    /** The decisions taken in the group's meetings, by id: what an adoption of the plan asks. */
    private final Map<String, DecisionTaken> decisions = new HashMap<>();
    private final Map<String, Boolean> tasksDone = new HashMap<>();

    /** What the rules need of a meeting: its day, its agenda items and who was recorded present. */
    private record Meeting(LocalDate heldOn, Set<String> agendaItems, Set<String> present) {
    }

    protected SteeringGroupAggregate() {
        // for Axon
    }

    @CommandHandler
    public SteeringGroupAggregate(FormGroupCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        if (c.body() == null) {
            throw new InvalidInputException("body", "steering.group.body-missing");
        }
        apply(new GroupFormedEvent(c.groupId(), tenant, c.body(), c.name()));
    }

    @CommandHandler
    void handle(AddMemberCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        if (members.contains(c.memberId()) || formerMembers.contains(c.memberId())) {
            throw new ConflictException("steering.member.exists");
        }
        apply(new MemberAddedEvent(groupId, c.memberId(), c.name(), c.organisation(), c.role()));
    }

    @CommandHandler
    void handle(ChangeMemberCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        requireCurrentMember(c.memberId());
        if (c.role() == null) {
            throw new InvalidInputException("role", "steering.member.role-missing");
        }
        apply(new MemberChangedEvent(groupId, c.memberId(), c.organisation(), c.role()));
    }

    @CommandHandler
    void handle(RemoveMemberCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        requireCurrentMember(c.memberId());
        apply(new MemberRemovedEvent(groupId, c.memberId(), c.removedOn()));
    }

    @CommandHandler
    void handle(ScheduleMeetingCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        if (meetings.containsKey(c.meetingId())) {
            throw new ConflictException("steering.meeting.exists");
        }
        if (c.agenda() == null || c.agenda().isEmpty()) {
            throw new InvalidInputException("agenda", "steering.meeting.agenda-empty");
        }
        apply(new MeetingScheduledEvent(groupId, c.meetingId(), c.heldOn(), c.place(), List.copyOf(c.agenda())));
    }

    @CommandHandler
    void handle(RecordAttendanceCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        Meeting meeting = requireMeeting(c.meetingId());
        for (String member : c.presentMemberIds()) {
            // A former member stays on the attendance they were recorded on, but is not added to one.
            if (!members.contains(member) && !meeting.present().contains(member)) {
                throw new InvalidInputException("presentMemberIds", "steering.member.unknown");
            }
        }
        apply(new AttendanceRecordedEvent(groupId, c.meetingId(), List.copyOf(new HashSet<>(c.presentMemberIds()))));
    }

    @CommandHandler
    void handle(RecordMinutesCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        requireAgendaItem(requireMeeting(c.meetingId()), c.agendaItemId());
        apply(new MinutesRecordedEvent(groupId, c.meetingId(), c.agendaItemId(), c.text()));
    }

    @CommandHandler
    void handle(TakeDecisionCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        Meeting meeting = requireMeeting(c.meetingId());
        if (c.agendaItemId() != null) {
            requireAgendaItem(meeting, c.agendaItemId());
        }
        if (decisions.containsKey(c.decisionId())) {
            throw new ConflictException("steering.decision.exists");
        }
        List<TaskSpec> tasks = c.tasks() == null ? List.of() : c.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            if (!members.contains(task.ownerMemberId())) {
                throw new InvalidInputException("tasks[" + i + "].ownerMemberId", "steering.task.owner-not-member");
            }
            if (task.dueOn().isBefore(meeting.heldOn())) {
                throw new InvalidInputException("tasks[" + i + "].dueOn", "steering.task.due-before-meeting");
            }
        }
        apply(new MeetingDecisionRecordedEvent(groupId, c.meetingId(), c.decisionId(), tenant, body, meeting.heldOn(),
                c.agendaItemId(), c.subject(), c.text(), c.goalId(), c.measureId()));
        for (TaskSpec task : tasks) {
            apply(new TaskAssignedEvent(groupId, c.meetingId(), c.decisionId(), task.taskId(), task.title(),
                    task.ownerMemberId(), task.dueOn(), c.goalId(), c.measureId()));
        }
    }

    /** The decision, if one of this group's meetings took it; another tenant learns nothing. */
    @CommandHandler
    DecisionTaken handle(CheckDecisionCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        return tenant.equals(actorTenant) ? decisions.get(c.decisionId()) : null;
    }

    @CommandHandler
    void handle(CompleteTaskCommand c, @MetaDataValue(Actor.TENANT) String actorTenant) {
        requireOwnGroup(actorTenant);
        Boolean done = tasksDone.get(c.taskId());
        if (done == null) {
            throw new NotFoundException("steering.task.not-found");
        }
        if (done) {
            throw new ConflictException("steering.task.done-already");
        }
        apply(new TaskCompletedEvent(groupId, c.taskId(), c.doneOn()));
    }

    /** A group belongs to its tenant; another tenant's group is answered as a missing one. */
    private void requireOwnGroup(String actorTenant) {
        if (!tenant.equals(actorTenant)) {
            throw new NotFoundException("steering.group.not-found");
        }
    }

    private void requireCurrentMember(String memberId) {
        if (formerMembers.contains(memberId)) {
            throw new ConflictException("steering.member.removed");
        }
        if (!members.contains(memberId)) {
            throw new NotFoundException("steering.member.not-found");
        }
    }

    private Meeting requireMeeting(String meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw new NotFoundException("steering.meeting.not-found");
        }
        return meeting;
    }

    private static void requireAgendaItem(Meeting meeting, String agendaItemId) {
        if (!meeting.agendaItems().contains(agendaItemId)) {
            throw new NotFoundException("steering.agenda-item.not-found");
        }
    }

    @EventSourcingHandler
    void on(GroupFormedEvent e) {
        groupId = e.groupId();
        tenant = e.tenant();
        body = e.body();
    }

    @EventSourcingHandler
    void on(MemberAddedEvent e) {
        members.add(e.memberId());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent e) {
        members.remove(e.memberId());
        formerMembers.add(e.memberId());
    }

    @EventSourcingHandler
    void on(MeetingScheduledEvent e) {
        Set<String> items = new HashSet<>();
        e.agenda().forEach(item -> items.add(item.id()));
        meetings.put(e.meetingId(), new Meeting(e.heldOn(), items, new HashSet<>()));
    }

    @EventSourcingHandler
    void on(AttendanceRecordedEvent e) {
        Set<String> present = meetings.get(e.meetingId()).present();
        present.clear();
        present.addAll(e.presentMemberIds());
    }

    @EventSourcingHandler
    void on(MeetingDecisionRecordedEvent e) {
        decisions.put(e.decisionId(), new DecisionTaken(groupId, e.decisionId(), e.meetingId(), e.decidedOn()));
    }

    @EventSourcingHandler
    void on(TaskAssignedEvent e) {
        tasksDone.put(e.taskId(), false);
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent e) {
        tasksDone.put(e.taskId(), true);
    }
}
