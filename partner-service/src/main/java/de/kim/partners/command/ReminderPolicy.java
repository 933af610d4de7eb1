package de.kim.partners.command;

/** After how many days without an answer a referral raises a reminder ({@code kim.partner.reminder-days}). */
public record ReminderPolicy(int days) {

    public ReminderPolicy {
        if (days < 1) {
            throw new IllegalArgumentException("a reminder comes after at least one day");
        }
    }
}
