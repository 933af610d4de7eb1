package de.kim.partners.config;

import de.kim.partners.command.ReminderPolicy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of partner-service: the reminder policy, and snapshots for partners with long inboxes. */
@Configuration
public class PartnerConfiguration {

    @Bean
    public ReminderPolicy reminderPolicy(@Value("${kim.partner.reminder-days:5}") int days) {
        return new ReminderPolicy(days);
    }

    /** A partner's aggregate grows with every referral it receives: snapshot every 100 events. */
    @Bean
    public SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }
}
