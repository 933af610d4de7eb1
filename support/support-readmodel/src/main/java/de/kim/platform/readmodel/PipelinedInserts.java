package de.kim.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A rebuild's bulk writes with one batch in flight: while the store takes one {@code insertMany},
 * the rebuild makes the documents of the next, so that the service's work and the store's overlap
 * instead of taking turns. {@link #close} returns once every batch is written, and throws what a
 * write threw (at the latest there; a later batch is not sent after a failed one).
 */
public final class PipelinedInserts implements AutoCloseable {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ExecutorService writer = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "read-model-rebuild-writes");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> inFlight;

    /** Sends the batch (which the caller no longer touches) once the one before is written. */
    public void insert(MongoCollection<Document> collection, List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        awaitInFlight();
        inFlight = writer.submit(() -> collection.insertMany(batch, UNORDERED));
    }

    @Override
    public void close() {
        try {
            awaitInFlight();
        } finally {
            writer.shutdownNow();
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        Future<?> previous = inFlight;
        inFlight = null;
        try {
            previous.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a rebuild's batch was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a rebuild's batch was not written", e.getCause());
        }
    }
}
