package de.kim.platform.audit;

import de.kim.platform.domain.Actor;
import de.kim.platform.security.Role;
import de.kim.platform.web.RequestActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes an audit entry for every call of an {@link Audited} endpoint by a signed-in user,
 * whatever its outcome (a refused or failed call is worth knowing too).
 */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditTrail trail;
    private final RequestActorResolver actors;
    private final Clock clock;

    public AuditInterceptor(AuditTrail trail, RequestActorResolver actors, Clock clock) {
        this.trail = trail;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Audited audited = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Audited.class);
        if (audited == null) {
            audited = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Audited.class);
        }
        if (audited == null) {
            return;
        }
        Actor actor = actors.current().orElse(null);
        if (actor == null) {
            return;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String subject = variables instanceof Map<?, ?> map && map.get(audited.subject()) != null
                ? String.valueOf(map.get(audited.subject())) : null;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = "GET".equals(request.getMethod()) ? "READ" : "CHANGE";
        try {
            trail.append(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor.tenant().value(),
                    actor.userId(), actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                    action, request.getMethod() + " " + pattern, subject, response.getStatus(), purpose(actor)));
        } catch (RuntimeException e) {
            log.error("audit entry for {} {} could not be written", request.getMethod(), pattern, e);
        }
    }

    /** Why the person acts, from their role: the purpose the data is processed for. */
    static String purpose(Actor actor) {
        if (actor.has(Role.CASE_MANAGER) || actor.has(Role.CASE_MANAGEMENT_LEAD)) {
            return "CASE_MANAGEMENT";
        }
        if (actor.has(Role.PARTNER_STAFF)) {
            return "REFERRAL";
        }
        if (actor.has(Role.IMMIGRATION_OFFICER)) {
            return "RESIDENCE_MATTERS";
        }
        return "ADMINISTRATION";
    }
}
