package de.kim.partners.config;

import de.kim.partners.command.PartnerAggregate;
import de.kim.partners.command.ReminderPolicy;
import de.kim.partners.command.SharedDataGrace;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Wiring of partner-service: the reminder policy, the grace period for shared data, and snapshots for partners with long inboxes. */
@Configuration
public class PartnerConfiguration {

    @Bean
    public ReminderPolicy reminderPolicy(@Value("${kim.partner.reminder-days:5}") int days) {
        return new ReminderPolicy(days);
    }

    @Bean
    public SharedDataGrace sharedDataGrace(@Value("${kim.partner.shared-data-grace:P30D}") Duration period) {
        return new SharedDataGrace(period);
    }

    /**
     * A partner's aggregate grows with every referral it receives, and every command on it would
     * replay them all: a snapshot every {@code kim.partner.snapshot-every} events (100).
     */
    @Bean
    public SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${kim.partner.snapshot-every:100}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    /** Only snapshots of the partner's current form are used; older ones are passed over for the events. */
    @Bean
    public SnapshotFilter partnerSnapshotFilter() {
        // The event store names the aggregate's type by the class's simple name; type(Class) would compare the full name.
        return RevisionSnapshotFilter.builder().type(PartnerAggregate.class.getSimpleName())
                .revision(PartnerAggregate.SNAPSHOT_REVISION).build();
    }
}
