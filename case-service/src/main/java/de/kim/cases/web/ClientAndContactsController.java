package de.kim.cases.web;

import de.kim.cases.api.ContactId;
import de.kim.cases.api.RecordContactCommand;
import de.kim.cases.api.RectifyClientCommand;
import de.kim.cases.web.docs.ClientAndContactsApiDocs;
import de.kim.platform.audit.Audited;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.version;

/** The case manager's API for correcting the client's data (Berichtigung) and for the contact log. */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class ClientAndContactsController implements ClientAndContactsApiDocs {

    private final CommandGateway commands;

    public ClientAndContactsController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/{id}/client")
    public ResponseEntity<Void> rectifyClient(@PathVariable String id,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody OpenCaseRequest.Client body) {
        commands.sendAndWait(new RectifyClientCommand(caseId(id), body.toProfile(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/contacts")
    public ResponseEntity<Map<String, String>> recordContact(@PathVariable String id,
                                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                             @Valid @RequestBody CaseRequests.RecordContact body) {
        ContactId contactId = ContactId.random();
        commands.sendAndWait(new RecordContactCommand(caseId(id), contactId, body.contactOn(), body.kind(),
                body.durationMinutes(), body.interpreterLanguage(), blankAsNone(body.participants()),
                blankAsNone(body.note()), Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        return created(contactId.value(), "/{id}/contacts/{contactId}", id, contactId.value());
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
