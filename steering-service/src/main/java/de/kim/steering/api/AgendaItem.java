package de.kim.steering.api;

/** An item of a meeting's agenda (Tagesordnungspunkt): its id and title, in the order of the agenda. */
public record AgendaItem(String id, String title) {
}
