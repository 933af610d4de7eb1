package de.kim.partners.config;

import de.kim.partners.command.ReminderPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of partner-service: the reminder policy. No snapshots of partners: the aggregate's
 * state (private records in maps keyed by id records) does not survive Jackson, and a partner
 * restored from such a snapshot could not be loaded any more (found by the benchmark after 100
 * events on one partner).
 */
@Configuration
public class PartnerConfiguration {

    @Bean
    public ReminderPolicy reminderPolicy(@Value("${kim.partner.reminder-days:5}") int days) {
        return new ReminderPolicy(days);
    }
}
