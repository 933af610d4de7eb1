package de.kim.cases.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the write commands (each a durable commit of the Mongo-wire server) the service sends, by collection. */
final class WriteCommands implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (WRITES.contains(name)) {
            counts.computeIfAbsent(event.getCommand().getString(name).getValue(), c -> new LongAdder()).increment();
        }
    }

    /** The write commands sent so far to these collections. */
    long to(Set<String> collections) {
        return collections.stream().mapToLong(c -> counts.getOrDefault(c, new LongAdder()).sum()).sum();
    }

    /** For a test's {@code @Import}: the service's Mongo client reports its commands to a {@link WriteCommands} bean. */
    @TestConfiguration
    static class Counting {
        @Bean
        WriteCommands writeCommands() {
            return new WriteCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countingWrites(WriteCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
