package de.kim.platform.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one read model's position did in this process: the position it last stored for each
 * stream (a processor's segment, a topic's partition), and the gaps found when the stored
 * position was found behind it (the store lost or rolled back writes it had acknowledged). Each
 * gap is logged once, without any personal data, and counted for the health endpoint.
 */
public class ReadModelGaps {

    private static final Logger log = LoggerFactory.getLogger(ReadModelGaps.class);

    private final String readModel;
    private final Map<String, Long> lastStored = new ConcurrentHashMap<>();
    private final AtomicLong healed = new AtomicLong();

    public ReadModelGaps(String readModel) {
        this.readModel = readModel;
    }

    /** This process stored the position of the stream. */
    public void stored(String stream, long position) {
        lastStored.put(stream, position);
    }

    /** The position this process last stored for the stream, if any. */
    public Long lastStored(String stream) {
        return lastStored.get(stream);
    }

    /**
     * Compares the stored position (null: none stored) with the one this process last stored; if it
     * went back, logs and counts the gap, forgets the later position and answers true: the caller
     * replays from the stored position.
     */
    public boolean wentBack(String stream, Long stored) {
        Long last = lastStored.get(stream);
        if (last == null || (stored != null && stored >= last)) {
            return false;
        }
        healed.incrementAndGet();
        lastStored.remove(stream);
        log.warn("read model {} lost events after position {} (stream {}, had stored {}); replaying",
                readModel, stored == null ? "start" : stored, stream, last);
        return true;
    }

    /** After a switch to a rebuilt database, whose positions this process has not stored. */
    public void forget() {
        lastStored.clear();
    }

    public long healed() {
        return healed.get();
    }
}
