package de.kim.cases.web;

import de.kim.cases.api.CaseId;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.FindCaseFileQuery;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.web.RequestActorResolver;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The case manager's API for cases. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;

    public CaseController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCaseRequest request) {
        CaseId id = CaseId.random();
        commands.sendAndWait(request.toCommand(id));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id.value()).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id.value()));
    }

    @GetMapping("/{id}")
    public CaseFile get(@PathVariable String id) {
        String tenant = actors.current().orElseThrow().tenant().value();
        Optional<CaseFile> file = queries.query(new FindCaseFileQuery(tenant, id),
                ResponseTypes.optionalInstanceOf(CaseFile.class)).join();
        return file.orElseThrow(() -> new NotFoundException("case.not-found"));
    }
}
