package de.kim.local;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/** The first documents of a stream in a sort's order, holding no more than that many while reading. */
final class TopDocuments {

    private TopDocuments() {
    }

    private record Read(Document document, long order) {
    }

    /** The first {@code count} documents by {@code comparator}; of equal ones, those read first, as a stable sort gives. */
    static List<Document> first(Stream<Document> documents, Comparator<Document> comparator, int count) {
        Comparator<Read> sortOrder = Comparator.<Read, Document>comparing(Read::document, comparator)
                .thenComparingLong(Read::order);
        PriorityQueue<Read> kept = new PriorityQueue<>(sortOrder.reversed());
        long[] read = {0};
        documents.forEach(document -> {
            Read next = new Read(document, read[0]++);
            if (kept.size() < count) {
                kept.add(next);
            } else if (sortOrder.compare(next, kept.peek()) < 0) {
                kept.poll();
                kept.add(next);
            }
        });
        List<Read> sorted = new ArrayList<>(kept);
        sorted.sort(sortOrder);
        return sorted.stream().map(Read::document).toList();
    }
}
