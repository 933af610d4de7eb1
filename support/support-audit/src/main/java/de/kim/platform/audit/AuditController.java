package de.kim.platform.audit;

import de.kim.platform.web.RequestActorResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Audit trail", description = "Who read or changed what, for the Kommune's administrator and for a "
        + "client's self-disclosure.")
public class AuditController {

    private final AuditTrail trail;
    private final RequestActorResolver actors;

    public AuditController(AuditTrail trail, RequestActorResolver actors) {
        this.trail = trail;
        this.actors = actors;
    }

    @Operation(summary = "Search the audit trail",
            description = "For the administrator of a Kommune: every read of a case file or record and every change, "
                    + "with who did it, when, under which role and why (e.g. to answer a client who asks who looked "
                    + "at their data). Only the own Kommune's entries, newest first; filter by record (`subject`), "
                    + "by user (`actor`) and by time.")
    @GetMapping("/api/audit/${spring.application.name}")
    public List<AuditEntry> entries(@Parameter(description = "the record's id, e.g. a case id")
                                    @RequestParam(required = false) String subject,
                                    @Parameter(description = "the user's id") @RequestParam(required = false)
                                    String actor,
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
    @Operation(summary = "Audit entries for a client's self-disclosure",
            description = "The entries about the records named (`subject`, repeatable), gathered by Fallmanagement "
                    + "when a client asks what is stored about them and who saw it (Art. 15 GDPR). Answers ids, "
                    + "roles and times only, never a client's data; at most 100 records of 1000 entries each.")
    @GetMapping("/api/audit/${spring.application.name}/disclosure")
    public List<AuditEntry> disclosure(@RequestParam("subject") List<String> subjects) {
        String tenant = actors.require().tenant().value();
        return subjects.stream().distinct().limit(100)
                .flatMap(subject -> trail.find(tenant, subject, null, null, null, 1000).stream())
                .sorted(java.util.Comparator.comparing(AuditEntry::at).reversed().thenComparing(AuditEntry::id))
                .toList();
    }
}
