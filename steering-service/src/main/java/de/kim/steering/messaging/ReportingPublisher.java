package de.kim.steering.messaging;

import de.kim.contracts.Envelope;
import de.kim.contracts.Topics;
import de.kim.contracts.reporting.FiguresPublished;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.steering.query.Figure;
import de.kim.steering.query.ReportingPeriod;
import de.kim.steering.query.SteeringFigures;
import de.kim.steering.query.TenantFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the anonymised figures of each month that changed to {@code kim.reporting.v1}, at
 * most once per interval ({@code kim.reporting.interval}), for consumers outside the platform.
 * Only suppressed figures leave: no ids, no persons. A month whose publication fails is tried
 * again at the next interval.
 */
@Component
public class ReportingPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReportingPublisher.class);

    private final Set<TenantMonth> changed = ConcurrentHashMap.newKeySet();
    private final SteeringFigures figures;
    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public ReportingPublisher(SteeringFigures figures, KafkaTemplate<String, String> kafka, EnvelopeCodec codec,
                              Clock clock) {
        this.figures = figures;
        this.kafka = kafka;
        this.codec = codec;
        this.clock = clock;
    }

    /** A tenant's month whose figures changed. */
    record TenantMonth(String tenant, YearMonth month) {
    }

    public void changed(String tenant, LocalDate day) {
        changed.add(new TenantMonth(tenant, YearMonth.from(day)));
    }

    /**
     * Publishes each changed month once. The months of a tenant are published from one reading of
     * its counts, so the figures of a year are made once for all its months: after a burst or a
     * catch-up, a hundred months of ten years change at once.
     */
    @Scheduled(fixedDelayString = "${kim.reporting.interval:PT10S}")
    public void publishChanged() {
        Map<String, List<TenantMonth>> byTenant = new LinkedHashMap<>();
        List.copyOf(changed).forEach(key -> byTenant.computeIfAbsent(key.tenant(), t -> new ArrayList<>()).add(key));
        for (List<TenantMonth> months : byTenant.values()) {
            TenantMonth current = months.get(0);
            try {
                TenantFacts facts = figures.load(current.tenant());
                for (TenantMonth key : months) {
                    current = key;
                    changed.remove(key);
                    publish(key, facts);
                }
            } catch (Exception e) {
                changed.add(current);
                log.warn("figures of {} {} not published, tried again later: {}", current.tenant(), current.month(),
                        e.toString());
                return;
            }
        }
    }

    private void publish(TenantMonth key, TenantFacts facts) throws Exception {
        SteeringFigures.CaseFigures f = figures.figures(facts, ReportingPeriod.month(key.month()),
                null, SteeringFigures.GroupBy.TOWN);
        Map<String, FiguresPublished.Figure> published = new LinkedHashMap<>();
        published.put("casesOpened", figure(f.casesOpened()));
        published.put("casesClosed", figure(f.casesClosed()));
        published.put("closedByOutcome", figure(f.closedByOutcome()));
        published.put("needsAssessed", figure(f.needsAssessed()));
        published.put("goalsReached", figure(f.goalsReached()));
        published.put("doubleFundingWarnings", figure(f.doubleFundingWarnings()));
        published.put("legalDomainChanges", figure(f.legalDomainChanges()));
        Instant now = clock.instant();
        String aggregate = key.tenant() + ":" + key.month();
        Envelope<FiguresPublished> envelope = new Envelope<>(UUID.randomUUID().toString(), FiguresPublished.TYPE.name(),
                FiguresPublished.TYPE.version(), "steering-service", key.tenant(), "steering-service", aggregate,
                now.toEpochMilli(), now, new FiguresPublished(key.tenant(), key.month().toString(), now, published));
        kafka.send(Topics.REPORTING, aggregate, codec.encode(envelope)).get(10, TimeUnit.SECONDS);
    }

    static FiguresPublished.Figure figure(Figure figure) {
        List<FiguresPublished.Group> groups = new ArrayList<>();
        figure.groups().forEach(g -> groups.add(new FiguresPublished.Group(g.key(), cell(g.value()))));
        return new FiguresPublished.Figure(cell(figure.total()), groups);
    }

    private static FiguresPublished.Cell cell(de.kim.steering.query.SmallCellSuppression.Cell cell) {
        return new FiguresPublished.Cell(cell.count(), cell.display());
    }
}
