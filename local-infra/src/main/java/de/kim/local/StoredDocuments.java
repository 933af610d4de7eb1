package de.kim.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The value type of the Mongo-wire server's collections: documents stored as BSON.
 *
 * <p>The plain H2 backend stores documents under H2's generic {@link ObjectDataType}, which
 * Java-serializes each one: the larger part of the time a write spends in the store. BSON, the
 * form a document arrives and leaves in, is written and read several times faster. A document
 * is stored as a tag H2's generic type never writes, followed by its BSON; anything else (a value
 * BSON cannot hold, and every value written by the plain backend) is read and written as the
 * generic type does, so files of the plain backend are read as they are.
 */
final class StoredDocuments extends BasicDataType<Object> {

    static final StoredDocuments TYPE = new StoredDocuments();

    /** Not a tag of {@link ObjectDataType}, whose tags end at 119. */
    private static final byte BSON = 127;

    private static final ObjectDataType GENERIC = new ObjectDataType();

    /** Bytes a document takes, on average, for H2's estimate of a page's memory. */
    private volatile int averageSize = 512;

    private StoredDocuments() {
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        ByteBuf bson = value instanceof Document document ? encoded(document) : null;
        if (bson == null) {
            GENERIC.write(buffer, value);
            return;
        }
        int size = bson.readableBytes();
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
        averageSize = (averageSize * 15 + size) / 16;
    }

    /** The document as BSON, or {@code null} if it holds a value BSON has no type for. */
    private static ByteBuf encoded(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } catch (IllegalArgumentException notBson) {
            return null;
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return GENERIC.read(buffer);
        }
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        ByteBuffer bson = buffer.duplicate();
        bson.position(start + 1).limit(start + 1 + length);
        buffer.position(start + 1 + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize * 3 : GENERIC.getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
