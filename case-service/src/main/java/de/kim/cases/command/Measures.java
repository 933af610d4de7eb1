package de.kim.cases.command;

import de.kim.cases.api.ConfirmMeasureCommand;
import de.kim.cases.api.DoubleFundingWarnedEvent;
import de.kim.cases.api.EntrustedItem;
import de.kim.cases.api.MarkedEntrustedEvent;
import de.kim.cases.api.MeasureConfirmedEvent;
import de.kim.cases.api.MeasureId;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.cases.api.MeasureOutcome;
import de.kim.cases.api.MeasureRecordedEvent;
import de.kim.cases.api.MeasureWithdrawnEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.RecordMeasureCommand;
import de.kim.cases.api.WithdrawMeasureCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The measures of a case (courses, counselling, ... for one of its needs, funded under a legal
 * domain) and the warning against double funding: a measure of the same kind for the same need
 * over an overlapping time waits for a case manager's confirmation.
 */
class Measures {

    private final CaseRef caseRef;
    private final Map<MeasureId, Measure> measures = new HashMap<>();
    /** The needs of the case, by id, as the needs' events tell: a measure is recorded for one of them. */
    private final Set<NeedId> needs = new HashSet<>();

    private record Measure(MeasureKind kind, NeedId needId, LegalDomain fundedBy, LocalDate from, LocalDate to,
                           boolean awaitingConfirmation, boolean withdrawn) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
        }

        Measure settled(boolean isWithdrawn) {
            return new Measure(kind, needId, fundedBy, from, to, false, isWithdrawn);
        }
    }

    Measures(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    MeasureOutcome handle(RecordMeasureCommand command, CaseTexts texts, Clock clock) {
        if (measures.containsKey(command.measureId())) {
            throw new ConflictException("case.measure.exists");
        }
        if (command.to().isBefore(command.from())) {
            throw new InvalidInputException("to", "case.measure.ends-before-it-starts");
        }
        if (!needs.contains(command.needId())) {
            throw new NotFoundException("case.need.not-found");
        }
        List<Map.Entry<MeasureId, Measure>> overlapping = measures.entrySet().stream()
                .filter(e -> !e.getValue().withdrawn() && e.getValue().kind() == command.kind()
                        && e.getValue().needId().equals(command.needId())
                        && e.getValue().overlaps(command.from(), command.to()))
                .toList();
        apply(new MeasureRecordedEvent(caseRef.id(), command.measureId(), command.kind(), command.needId(),
                command.fundedBy(), command.from(), command.to(), caseRef.seal(texts, command.provider()),
                !overlapping.isEmpty()));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(caseRef.id(), EntrustedItem.MEASURE, command.measureId().value(),
                    LocalDate.now(clock)));
        }
        for (Map.Entry<MeasureId, Measure> other : overlapping) {
            apply(new DoubleFundingWarnedEvent(caseRef.id(), command.measureId(), other.getKey(), command.kind(),
                    command.fundedBy(), other.getValue().fundedBy()));
        }
        return new MeasureOutcome(!overlapping.isEmpty(), overlapping.stream().map(Map.Entry::getKey).toList());
    }

    @CommandHandler
    void handle(ConfirmMeasureCommand command, CaseTexts texts) {
        Measure measure = measure(command.measureId());
        if (!measure.awaitingConfirmation() || measure.withdrawn()) {
            throw new ConflictException("case.measure.nothing-to-confirm");
        }
        apply(new MeasureConfirmedEvent(caseRef.id(), command.measureId(),
                caseRef.seal(texts, command.justification())));
    }

    @CommandHandler
    void handle(WithdrawMeasureCommand command, CaseTexts texts) {
        if (measure(command.measureId()).withdrawn()) {
            throw new ConflictException("case.measure.already-withdrawn");
        }
        apply(new MeasureWithdrawnEvent(caseRef.id(), command.measureId(), caseRef.seal(texts, command.reason())));
    }

    /** Whether the case has the measure. */
    boolean has(MeasureId measureId) {
        return measures.containsKey(measureId);
    }

    private Measure measure(MeasureId measureId) {
        Measure measure = measures.get(measureId);
        if (measure == null) {
            throw new NotFoundException("case.measure.not-found");
        }
        return measure;
    }

    @EventSourcingHandler
    void on(NeedAssessedEvent e) {
        needs.add(e.needId());
    }

    @EventSourcingHandler
    void on(MeasureRecordedEvent e) {
        measures.put(e.measureId(), new Measure(e.kind(), e.needId(), e.fundedBy(), e.from(), e.to(),
                e.awaitingConfirmation(), false));
    }

    @EventSourcingHandler
    void on(MeasureConfirmedEvent e) {
        measures.computeIfPresent(e.measureId(), (k, m) -> m.settled(false));
    }

    @EventSourcingHandler
    void on(MeasureWithdrawnEvent e) {
        measures.computeIfPresent(e.measureId(), (k, m) -> m.settled(true));
    }
}
