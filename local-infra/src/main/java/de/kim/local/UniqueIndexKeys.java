package de.kim.local;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The key type of the Mongo-wire server's unique indexes ({@code _id} and any other unique index):
 * mongo-java-server's {@link KeyValue}, compared value by value.
 *
 * <p>The plain H2 backend keeps these keys under H2's generic {@link ObjectDataType}, which knows
 * nothing of {@code KeyValue} and compares two of them by Java-serializing both, on every comparison:
 * about fifteen per insert into an index of 20,000 keys, the larger part of a write's time. Here each
 * value is compared as H2 compares it on its own: strings, numbers, UUIDs and other comparable
 * values directly, and only values that are not comparable (documents, lists) by their serialized
 * form, as before. Keys equal before are equal here, so uniqueness is unchanged; the order differs,
 * so maps written under the generic type are copied into maps of this type once
 * ({@link SnapshotReadH2Backend}).
 *
 * <p>Stored as the number of values, then each value with a marker for {@code null} and otherwise
 * in H2's generic encoding.
 */
final class UniqueIndexKeys extends BasicDataType<KeyValue> {

    static final UniqueIndexKeys TYPE = new UniqueIndexKeys();

    private static final ObjectDataType VALUES = new ObjectDataType();
    private static final int KEY_OVERHEAD = 48;

    private UniqueIndexKeys() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return VALUES.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = KEY_OVERHEAD;
        for (Object value : key) {
            memory += value == null ? 0 : VALUES.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            if (value == null) {
                buffer.put((byte) 0);
            } else {
                buffer.put((byte) 1);
                VALUES.write(buffer, value);
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = org.h2.mvstore.DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(buffer.get() == 0 ? null : VALUES.read(buffer));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
