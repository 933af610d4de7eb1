package de.kim.platform.audit;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.Role;
import de.kim.platform.web.RequestActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an audit entry for every call of an {@link Audited} endpoint by a signed-in user,
 * whatever its outcome (a refused or failed call is worth knowing too). A successful read is
 * recorded before its body is sent ({@link AuditedReads}, {@link #recordRead}): when that fails,
 * the read fails and sends nothing. A list records one entry per record shown.
 */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final String AUDITED = AuditInterceptor.class.getName() + ".audited";
    private static final String RECORDED = AuditInterceptor.class.getName() + ".recorded";
    private static final String SHOWN = AuditInterceptor.class.getName() + ".shown";

    /** Time-ordered ids: an entry's row lands at the end of the primary key's index, a list's entries on one page. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final AuditTrail trail;
    private final RequestActorResolver actors;
    private final Clock clock;

    public AuditInterceptor(AuditTrail trail, RequestActorResolver actors, Clock clock) {
        this.trail = trail;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Audited audited = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Audited.class);
            if (audited == null) {
                audited = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Audited.class);
            }
            if (audited != null) {
                request.setAttribute(AUDITED, audited);
            }
        }
        return true;
    }

    /**
     * For an audited read whose body is no list of records, such as a CSV or XLSX file of several
     * people: the records it shows, each written to the audit trail as read, as for a list (one
     * entry without a record when it shows none: the export itself is recorded). Called by the
     * handler before it returns the body.
     */
    public static void shows(HttpServletRequest request, Collection<String> subjects) {
        request.setAttribute(SHOWN, List.copyOf(subjects));
    }

    /**
     * Records a successful read of an audited endpoint, before its body is sent: one entry for the
     * record the path names, or, for a list without one, one per record shown ({@link
     * Audited#item()} of each element).
     *
     * @throws AuditUnavailableException when the entries cannot be written: the read must fail
     */
    void recordRead(HttpServletRequest request, HttpServletResponse response, Object body) {
        if (!(request.getAttribute(AUDITED) instanceof Audited audited) || request.getAttribute(RECORDED) != null) {
            return;
        }
        Actor actor = actors.current().orElse(null);
        if (actor == null) {
            return;
        }
        String pathSubject = pathSubject(request, audited);
        List<String> subjects = (pathSubject == null || audited.perItem()) && body instanceof Iterable<?> items
                ? itemSubjects(items, audited.item()) : null;
        if (request.getAttribute(SHOWN) instanceof List<?> shown && !shown.isEmpty()) {
            subjects = shown.stream().map(String::valueOf).toList();
        }
        if (subjects == null || subjects.isEmpty() && request.getAttribute(SHOWN) != null) {
            subjects = java.util.Collections.singletonList(pathSubject);
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (String subject : subjects) {
            entries.add(entry(request, response.getStatus(), actor, subject));
        }
        try {
            trail.appendAll(entries);
        } catch (RuntimeException e) {
            log.error("audit entries for {} {} could not be written: the read is refused", request.getMethod(),
                    request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), e);
            throw new AuditUnavailableException(e);
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(AUDITED) instanceof Audited audited) || request.getAttribute(RECORDED) != null) {
            return;
        }
        Actor actor = actors.current().orElse(null);
        if (actor == null) {
            return;
        }
        try {
            trail.append(entry(request, response.getStatus(), actor, pathSubject(request, audited)));
        } catch (RuntimeException e) {
            log.error("audit entry for {} {} could not be written", request.getMethod(),
                    request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), e);
        }
    }

    private AuditEntry entry(HttpServletRequest request, int status, Actor actor, String subject) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = "GET".equals(request.getMethod()) ? "READ" : "CHANGE";
        return new AuditEntry(IDS.generate().toString(), clock.instant(), actor.tenant().value(),
                actor.userId(), actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                action, request.getMethod() + " " + pattern, subject, status, purpose(actor));
    }

    private static String pathSubject(HttpServletRequest request, Audited audited) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(audited.subject()) != null
                ? String.valueOf(map.get(audited.subject())) : null;
    }

    /**
     * The id of each element of a list, by its accessor or field {@code name} (an element whose id
     * is empty names no record); null when the elements have no such accessor.
     */
    static List<String> itemSubjects(Iterable<?> items, String name) {
        List<String> subjects = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            Object[] id = property(item, name);
            if (id == null) {
                return null;
            }
            if (id[0] != null) {
                subjects.add(String.valueOf(id[0]));
            }
        }
        return subjects;
    }

    /** The property's value in a one-element array, or null when the item has no such property. */
    private static Object[] property(Object item, String name) {
        if (item instanceof Map<?, ?> map) {
            return map.containsKey(name) ? new Object[]{map.get(name)} : null;
        }
        try {
            return new Object[]{item.getClass().getMethod(name).invoke(item)};
        } catch (ReflectiveOperationException noAccessor) {
            try {
                return new Object[]{item.getClass().getField(name).get(item)};
            } catch (ReflectiveOperationException noField) {
                return null;
            }
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
