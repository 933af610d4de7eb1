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

    /**
     * The entries about the records named, for a client's self-disclosure gathered by case
     * management ({@link AuditDisclosures}): the own tenant's only, newest first, at most 100
     * records of 1000 entries each. Case managers may call it (KimSecurityAutoConfiguration): it
     * answers ids, roles and times, never a client's data.
     */
    @GetMapping("/api/audit/${spring.application.name}/disclosure")
    public List<AuditEntry> disclosure(@RequestParam("subject") List<String> subjects) {
        String tenant = actors.require().tenant().value();
        return subjects.stream().distinct().limit(100)
                .flatMap(subject -> trail.find(tenant, subject, null, null, null, 1000).stream())
                .sorted(java.util.Comparator.comparing(AuditEntry::at).reversed().thenComparing(AuditEntry::id))
                .toList();
    }
}
