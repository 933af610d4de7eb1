package de.kim.cases.web;

import de.kim.cases.web.docs.ResidenceApiDocs;
import de.kim.cases.api.AchievementId;
import de.kim.cases.api.AchievementOutcome;
import de.kim.cases.api.LinkResidenceRecordCommand;
import de.kim.cases.api.RecordAchievementCommand;
import de.kim.cases.api.RequestStatusCheckCommand;
import de.kim.cases.api.StatusCheckId;
import de.kim.cases.query.CaseFile;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.NotFoundException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;

import java.util.Map;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.location;
import static de.kim.cases.web.CaseEndpoints.version;

/**
 * The case manager's API for what a case exchanges with the immigration office: the link to the
 * client's residence record, the client's achievements (shared there under consent) and status
 * checks.
 */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class ResidenceMattersController implements ResidenceApiDocs {

    private final CommandGateway commands;
    private final CaseEndpoints cases;

    public ResidenceMattersController(CommandGateway commands, CaseEndpoints cases) {
        this.commands = commands;
        this.cases = cases;
    }

    @PutMapping("/{id}/residence-record")
    public ResponseEntity<Void> linkResidenceRecord(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody CaseRequests.LinkResidenceRecord body) {
        commands.sendAndWait(new LinkResidenceRecordCommand(caseId(id), body.residenceRecordId(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/achievements")
    public ResponseEntity<Map<String, Object>> recordAchievement(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                                 @Valid @RequestBody CaseRequests.RecordAchievement body) {
        AchievementId achievementId = AchievementId.random();
        AchievementOutcome outcome = commands.sendAndWait(new RecordAchievementCommand(caseId(id), achievementId,
                body.kind(), body.level(), body.achievedOn(), Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        return ResponseEntity.created(location("/{id}/achievements/{achievementId}", id, achievementId.value()))
                .body(Map.of("id", achievementId.value(), "sharedWithImmigrationOffice",
                        outcome.sharedWithImmigrationOffice()));
    }

    /** Asks the immigration office to check the residence status on the linked record (422 without link or consent). */
    @PostMapping("/{id}/status-check")
    public ResponseEntity<Map<String, String>> requestStatusCheck(@PathVariable String id,
                                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        StatusCheckId statusCheckId = StatusCheckId.random();
        commands.sendAndWait(new RequestStatusCheckCommand(caseId(id), statusCheckId, version(ifMatch)));
        return created(statusCheckId.value(), "/{id}/status-checks/{statusCheckId}", id, statusCheckId.value());
    }

    @GetMapping("/{id}/status-checks/{statusCheckId}")
    public CaseFile.StatusCheck statusCheck(@PathVariable String id, @PathVariable String statusCheckId) {
        return cases.file(id).statusChecks.stream().filter(c -> c.id().equals(statusCheckId)).findFirst()
                .orElseThrow(() -> new NotFoundException("case.status-check.not-found"));
    }
}
