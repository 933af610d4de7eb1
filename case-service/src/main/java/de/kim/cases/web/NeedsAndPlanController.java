package de.kim.cases.web;

import de.kim.cases.web.docs.NeedsAndPlanApiDocs;
import de.kim.cases.api.AchieveGoalCommand;
import de.kim.cases.api.AgreeIntegrationPlanCommand;
import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.DropGoalCommand;
import de.kim.cases.api.GoalId;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.PlannedGoal;
import de.kim.cases.api.ResolveNeedCommand;
import de.kim.cases.api.UpdateNeedCommand;
import de.kim.platform.audit.Audited;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.PutMapping;

import java.util.List;
import java.util.Map;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.version;

/** The case manager's API for the client's needs and the integration plan with its goals. */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class NeedsAndPlanController implements NeedsAndPlanApiDocs {

    private final CommandGateway commands;

    public NeedsAndPlanController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/needs")
    public ResponseEntity<Map<String, String>> assessNeed(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody CaseRequests.AssessNeed body) {
        NeedId needId = NeedId.random();
        commands.sendAndWait(new AssessNeedCommand(caseId(id), needId, body.fieldOfAction(), body.priority(),
                body.description(), Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        return created(needId.value(), "/{id}/needs/{needId}", id, needId.value());
    }

    @PutMapping("/{id}/needs/{needId}")
    public ResponseEntity<Void> updateNeed(@PathVariable String id, @PathVariable String needId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody CaseRequests.UpdateNeed body) {
        commands.sendAndWait(new UpdateNeedCommand(caseId(id), new NeedId(needId), body.priority(), body.description(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/needs/{needId}/resolution")
    public ResponseEntity<Void> resolveNeed(@PathVariable String id, @PathVariable String needId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new ResolveNeedCommand(caseId(id), new NeedId(needId), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/plan")
    public Map<String, Object> agreePlan(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.AgreePlan body) {
        List<PlannedGoal> goals = body.goals().stream().map(g -> new PlannedGoal(
                g.id() == null ? GoalId.random() : new GoalId(g.id()), g.fieldOfAction(), g.description(),
                g.targetDate())).toList();
        commands.sendAndWait(new AgreeIntegrationPlanCommand(caseId(id), goals, body.agreedOn(), version(ifMatch)));
        return Map.of("goalIds", goals.stream().map(g -> g.goalId().value()).toList());
    }

    @PostMapping("/{id}/plan/goals/{goalId}/achievement")
    public ResponseEntity<Void> achieveGoal(@PathVariable String id, @PathVariable String goalId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody CaseRequests.AchieveGoal body) {
        commands.sendAndWait(new AchieveGoalCommand(caseId(id), new GoalId(goalId), body.achievedOn(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/plan/goals/{goalId}/drop")
    public ResponseEntity<Void> dropGoal(@PathVariable String id, @PathVariable String goalId,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.Reason body) {
        commands.sendAndWait(new DropGoalCommand(caseId(id), new GoalId(goalId), body.reason(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }
}
