package de.kim.cases.command;

import de.kim.cases.api.EntrustedItem;
import de.kim.cases.api.MarkedEntrustedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What of a case is entrusted (anvertraut, § 65 SGB VIII), by kind and id: it never leaves case
 * management. Items are marked when recorded or later ({@link CaseAggregate}); the case asks here
 * before anything leaves.
 */
class Entrusted {

    private final Map<EntrustedItem, Set<String>> items = new EnumMap<>(EntrustedItem.class);

    boolean contains(EntrustedItem item, String itemId) {
        return items.getOrDefault(item, Set.of()).contains(itemId);
    }

    @EventSourcingHandler
    void on(MarkedEntrustedEvent e) {
        items.computeIfAbsent(e.item(), k -> new HashSet<>()).add(e.itemId());
    }
}
