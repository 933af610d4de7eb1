package de.kim.cases.query;

import de.kim.cases.query.WorkBasketProjection.CaseManager;
import de.kim.platform.readmodel.EntityUpdates;
import de.kim.platform.readmodel.WriteBehind;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The work-basket writes of one batch of the work-basket processor ({@link WriteBehind}), written
 * when the batch is handled: the case managers changed in the batch as they end it, in one bulk
 * write, then the item writes in the order made, in one ordered bulk write (an item is added as an
 * upsert that only inserts, so every item write is an update and the driver sends them as one
 * command). A later event of the batch finds the case managers and the items added here. Written
 * again after a crash before the batch's position, the writes set the same values: nothing changes.
 */
final class WorkBasketBatch extends WriteBehind {

    private final MongoTemplate mongo;
    /** The case managers read or changed in the batch; empty for a case the database has none for. */
    private final Map<String, Optional<CaseManager>> managers = new HashMap<>();
    private final Map<String, CaseManager> changedManagers = new LinkedHashMap<>();
    private final Set<String> added = new HashSet<>();
    private final List<Consumer<BulkOperations>> itemWrites = new ArrayList<>();

    WorkBasketBatch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    CaseManager manager(String caseId) {
        return managers.computeIfAbsent(caseId, id -> Optional.ofNullable(mongo.findById(id, CaseManager.class)))
                .orElse(null);
    }

    void save(CaseManager manager) {
        managers.put(manager.caseId(), Optional.of(manager));
        changedManagers.put(manager.caseId(), manager);
    }

    /** The case passes to {@code to}, and its open items of {@code from} with it. */
    void handedOver(String caseId, String from, String to) {
        CaseManager manager = manager(caseId);
        if (manager != null) {
            save(new CaseManager(manager.caseId(), manager.tenant(), to));
        }
        itemWrites.add(bulk -> bulk.updateMulti(WorkBasketProjection.openItems(caseId, from),
                WorkBasketProjection.assignedTo(to)));
    }

    boolean hasItem(String itemId) {
        return added.contains(itemId) || mongo.exists(WorkBasketProjection.byId(itemId), WorkBasketItem.class);
    }

    void add(WorkBasketItem item) {
        added.add(item.id());
        Update inserting = EntityUpdates.inserting(mongo.getConverter(), item);
        itemWrites.add(bulk -> bulk.upsert(WorkBasketProjection.byId(item.id()), inserting));
    }

    void items(Consumer<BulkOperations> write) {
        itemWrites.add(write);
    }

    @Override
    protected void flush() {
        if (!changedManagers.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, CaseManager.class);
            changedManagers.values().forEach(manager -> bulk.replaceOne(WorkBasketProjection.byId(manager.caseId()),
                    manager, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            changedManagers.clear();
        }
        if (!itemWrites.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, WorkBasketItem.class);
            itemWrites.forEach(write -> write.accept(bulk));
            bulk.execute();
            itemWrites.clear();
        }
    }
}
