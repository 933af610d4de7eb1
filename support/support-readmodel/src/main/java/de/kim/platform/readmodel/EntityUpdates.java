package de.kim.platform.readmodel;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A read-model document written as an upsert (with a query on its id) instead of a replacement or
 * an insert, so that it goes into one command with the updates around it: the driver sends a bulk
 * write as one command per run of writes of one kind (insert, replacement, update), and each
 * command costs the Mongo-wire server a durable commit of its own.
 */
public final class EntityUpdates {

    private EntityUpdates() {
    }

    /** Sets each field of the entity and unsets those it leaves empty: the document a replacement makes. */
    public static Update replacing(MongoConverter converter, Object entity) {
        Document document = document(converter, entity);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        converter.getMappingContext().getRequiredPersistentEntity(entity.getClass())
                .doWithProperties((MongoPersistentProperty property) -> {
                    if (!property.isIdProperty() && !document.containsKey(property.getFieldName())) {
                        update.unset(property.getFieldName());
                    }
                });
        return update;
    }

    /** Sets the entity's fields only where the upsert inserts it: the document an insert makes, or nothing. */
    public static Update inserting(MongoConverter converter, Object entity) {
        Update update = new Update();
        document(converter, entity).forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.setOnInsert(field, value);
            }
        });
        return update;
    }

    private static Document document(MongoConverter converter, Object entity) {
        Document document = new Document();
        converter.write(entity, document);
        return document;
    }
}
