package de.kim.platform.audit;

import de.kim.platform.web.RequestActorResolver;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail for the administrator of a tenant, e.g. to answer a client's question who
 * looked at their data: {@code GET /api/audit/<service>?subject=<id>}. Only the own tenant's
 * entries, newest first.
 */
@RestController
public class AuditController {

    private final AuditTrail trail;
    private final RequestActorResolver actors;

    public AuditController(AuditTrail trail, RequestActorResolver actors) {
        this.trail = trail;
        this.actors = actors;
    }

    @GetMapping("/api/audit/${spring.application.name}")
    public List<AuditEntry> entries(@RequestParam(required = false) String subject,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    @RequestParam(defaultValue = "200") int limit) {
        return trail.find(actors.require().tenant().value(), subject, actor, from, to, limit);
    }
}
