package de.kim.local;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The key type of a secondary index's map: an {@link Entry} is the index's key values of one
 * document followed by the document's position, so entries are unique, and ordered by their values
 * (each key ascending or descending as the index declares it, {@link IndexKeyOrder}) and then by
 * position. A {@link Entry#bound bound} is a search key only: it lies before (or after) every entry
 * whose first values equal its own.
 *
 * <p>Stored as the number of values, then each value and the position with a tag: the usual types of
 * a read model's keys (strings, numbers, booleans, dates) compactly, any other in H2's generic encoding.
 * Entries written with an earlier tag (strings in H2's encoding) are read as they are.
 */
final class IndexEntries extends BasicDataType<IndexEntries.Entry> {

    /** An index entry, or (with {@code bound} -1 or +1) the first or last possible entry of a prefix of values. */
    record Entry(Object[] values, Object position, int bound) {

        static Entry of(Object[] values, Object position) {
            return new Entry(values, position, 0);
        }

        static Entry first(Object[] prefix) {
            return new Entry(prefix, null, -1);
        }

        static Entry last(Object[] prefix) {
            return new Entry(prefix, null, 1);
        }
    }

    private static final ObjectDataType GENERIC = new ObjectDataType();
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte LONG = 3;
    private static final byte INTEGER = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte INSTANT = 7;
    private static final byte OTHER = 8;
    /**
     * A string as its UTF-8 bytes, copied in one go; {@link #STRING} (H2's encoding, char by char) was
     * written before, and half of the time the store spent writing index pages went to it.
     */
    private static final byte UTF8 = 9;

    private final boolean[] ascending;

    IndexEntries(boolean[] ascending) {
        this.ascending = ascending.clone();
    }

    @Override
    public int compare(Entry a, Entry b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.values.length, b.values.length);
        for (int i = 0; i < common; i++) {
            int order = IndexKeyOrder.compareValues(a.values[i], b.values[i]);
            if (order != 0) {
                return ascending[i] ? order : -order;
            }
        }
        if (a.bound != 0) {
            return a.bound;
        }
        if (b.bound != 0) {
            return -b.bound;
        }
        return IndexKeyOrder.comparePositions(a.position, b.position);
    }

    @Override
    public int getMemory(Entry entry) {
        return 48 + 24 * entry.values.length;
    }

    @Override
    public void write(WriteBuffer buffer, Entry entry) {
        buffer.putVarInt(entry.values.length);
        for (Object value : entry.values) {
            writeValue(buffer, value);
        }
        writeValue(buffer, entry.position);
    }

    @Override
    public Entry read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = readValue(buffer);
        }
        return Entry.of(values, readValue(buffer));
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buffer.put(UTF8).putVarInt(utf8.length).put(utf8);
        } else if (value instanceof Double d) {
            buffer.put(DOUBLE).putDouble(d);
        } else if (value instanceof Long l) {
            buffer.put(LONG).putVarLong(l);
        } else if (value instanceof Integer i) {
            buffer.put(INTEGER).putVarInt(i);
        } else if (value instanceof Boolean b) {
            buffer.put(b ? TRUE : FALSE);
        } else if (value instanceof Instant instant) {
            buffer.put(INSTANT).putVarLong(instant.getEpochSecond()).putVarInt(instant.getNano());
        } else {
            buffer.put(OTHER);
            GENERIC.write(buffer, value);
        }
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case UTF8 -> readUtf8(buffer, DataUtils.readVarInt(buffer));
            case DOUBLE -> buffer.getDouble();
            case LONG -> DataUtils.readVarLong(buffer);
            case INTEGER -> DataUtils.readVarInt(buffer);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INSTANT -> Instant.ofEpochSecond(DataUtils.readVarLong(buffer), DataUtils.readVarInt(buffer));
            default -> GENERIC.read(buffer);
        };
    }

    private static String readUtf8(ByteBuffer buffer, int length) {
        String value;
        if (buffer.hasArray()) {
            value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }

    @Override
    public Entry[] createStorage(int size) {
        return new Entry[size];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexEntries entries && java.util.Arrays.equals(ascending, entries.ascending);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(ascending);
    }
}
