package de.kim.local;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IndexEntriesTest {

    private final IndexEntries entries = new IndexEntries(new boolean[]{true, true, true});

    @Test
    void an_entry_keeps_its_values_whatever_their_letters() {
        Object[] values = {"kreis-mettmann", "Şükrü Öztürk-Müller 👩‍⚕️", Instant.parse("2026-03-01T00:00:00Z")};
        IndexEntries.Entry read = roundTrip(IndexEntries.Entry.of(values, "c-0001"));
        assertThat(read.values()).containsExactly(values);
        assertThat(read.position()).isEqualTo("c-0001");
    }

    @Test
    void entries_written_with_strings_in_h2s_encoding_are_read_as_they_are() {
        WriteBuffer buffer = new WriteBuffer();
        buffer.putVarInt(1);
        String town = "Düsseldorf";
        buffer.put((byte) 1).putVarInt(town.length()).putStringData(town, town.length());
        buffer.put((byte) 1).putVarInt(6).putStringData("c-0002", 6);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        IndexEntries.Entry read = entries.read(written);
        assertThat(read.values()).containsExactly("Düsseldorf");
        assertThat(read.position()).isEqualTo("c-0002");
    }

    private IndexEntries.Entry roundTrip(IndexEntries.Entry entry) {
        WriteBuffer buffer = new WriteBuffer();
        entries.write(buffer, entry);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return entries.read(written);
    }
}
