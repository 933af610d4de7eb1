package de.kim.local;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a container orchestrator does for the production shape, for the local platform: a
 * component that died (it exited, or an OutOfMemoryError ended it) is started again, and one
 * that is alive but fails its liveness check for {@link #LIVENESS_FAILURES_TO_KILL} checks in a row
 * is killed and started again. A component that keeps dying is restarted with growing pauses
 * (1 s, 2 s, 4 s, … up to {@link #MAX_BACK_OFF}); after {@link #STABLE} of running the pause
 * starts from the beginning again. Components found dead in the same round are started together,
 * tier by tier (the infrastructure before the services that need it, the gateway last), as an
 * orchestrator starts its containers: one slow start does not hold back the others of its tier.
 *
 * <p>{@code ./kim start} leaves it running as a process of the launcher jar; {@code ./kim stop}
 * stops it first, so that it does not start again what is being stopped.
 */
final class Supervisor {

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofMinutes(2);
    static final int LIVENESS_FAILURES_TO_KILL = 6;

    /** What the supervisor needs of the platform: which components, whether each lives, and how to start or kill one. */
    interface Components {

        List<String> names();

        boolean alive(String name);

        /** Whether a running component answers its liveness check; always true for one without. */
        boolean live(String name);

        /** Starts the component and waits until it is ready; throws if it does not come up. May be called for several at once. */
        void start(String name);

        /** The start tier: components of a lower tier are started (and ready) before those of a higher one. */
        default int tier(String name) {
            return 0;
        }

        void kill(String name);
    }

    private final Components components;
    private final Clock clock;
    private final PrintStream log;
    private final Map<String, State> states = new LinkedHashMap<>();

    Supervisor(Components components, Clock clock, PrintStream log) {
        this.components = components;
        this.clock = clock;
        this.log = log;
        Instant now = clock.instant();
        for (String name : components.names()) {
            states.put(name, new State(now));
        }
    }

    /** One round: looks at every component, restarts those that are dead and due, together, tier by tier. */
    void check() {
        List<String> due = new ArrayList<>();
        for (String name : components.names()) {
            State state = states.computeIfAbsent(name, n -> new State(clock.instant()));
            Instant now = clock.instant();
            if (components.alive(name)) {
                if (!components.live(name)) {
                    state.livenessFailures++;
                    if (state.livenessFailures < LIVENESS_FAILURES_TO_KILL) {
                        continue;
                    }
                    say(name + " failed its liveness check " + state.livenessFailures + " times in a row: killed");
                    components.kill(name);
                    state.livenessFailures = 0;
                } else {
                    state.livenessFailures = 0;
                    if (state.backOff.compareTo(FIRST_BACK_OFF) > 0 && Duration.between(state.upSince, now).compareTo(STABLE) >= 0) {
                        state.backOff = FIRST_BACK_OFF;
                    }
                    continue;
                }
            }
            if (state.notBefore != null && now.isBefore(state.notBefore)) {
                continue;
            }
            if (state.notBefore == null) {
                // Just found dead: the first restart waits the current pause.
                state.notBefore = now.plus(state.backOff);
                say(name + " is not running; restart in " + state.backOff.toMillis() + " ms");
                if (!state.backOff.isZero() && now.isBefore(state.notBefore)) {
                    continue;
                }
            }
            due.add(name);
        }
        Map<Integer, List<String>> tiers = new TreeMap<>();
        due.forEach(name -> tiers.computeIfAbsent(components.tier(name), tier -> new ArrayList<>()).add(name));
        tiers.values().forEach(this::restartTogether);
    }

    private void restartTogether(List<String> names) {
        if (names.size() == 1) {
            restart(names.get(0), states.get(names.get(0)));
            return;
        }
        List<Thread> starts = new ArrayList<>();
        for (String name : names) {
            Thread start = new Thread(() -> restart(name, states.get(name)), "kim-restart-" + name);
            start.start();
            starts.add(start);
        }
        for (Thread start : starts) {
            try {
                start.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The pause before the next restart of the component. */
    Duration backOff(String name) {
        return states.get(name).backOff;
    }

    int restarts(String name) {
        return states.get(name).restarts;
    }

    private void restart(String name, State state) {
        state.restarts++;
        say("starting " + name + " (restart " + state.restarts + ")");
        try {
            components.start(name);
            say(name + " is ready again");
        } catch (RuntimeException e) {
            say(name + " did not come up: " + firstLine(e.getMessage()));
        }
        Instant now = clock.instant();
        state.upSince = now;
        state.notBefore = null;
        state.backOff = min(state.backOff.multipliedBy(2), MAX_BACK_OFF);
    }

    /** Runs rounds every {@code interval} until the thread is interrupted. */
    void run(Duration interval) {
        say("supervising " + String.join(", ", components.names()));
        while (!Thread.currentThread().isInterrupted()) {
            try {
                check();
            } catch (RuntimeException e) {
                say("check failed: " + firstLine(e.getMessage()));
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void say(String message) {
        log.println(DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)) + " " + message);
        log.flush();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class State {
        Duration backOff = FIRST_BACK_OFF;
        Instant upSince;
        Instant notBefore;
        int restarts;
        int livenessFailures;

        State(Instant now) {
            this.upSince = now;
        }
    }
}
