package de.kim.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final FakeComponents components = new FakeComponents();
    private final Supervisor supervisor = new Supervisor(components, clock, new PrintStream(log, true, StandardCharsets.UTF_8));

    @Test
    void leaves_running_components_alone() {
        for (int i = 0; i < 10; i++) {
            supervisor.check();
            pass(Duration.ofSeconds(2));
        }
        assertThat(components.started).isEmpty();
        assertThat(components.killed).isEmpty();
    }

    @Test
    void starts_a_dead_component_again_after_the_first_pause() {
        components.dead.add("case-service");
        supervisor.check();
        assertThat(components.started).isEmpty();
        pass(Supervisor.FIRST_BACK_OFF);
        supervisor.check();
        assertThat(components.started).containsExactly("case-service");
        assertThat(components.dead).isEmpty();
        assertThat(logText()).contains("case-service is not running").contains("case-service is ready again");
    }

    @Test
    void a_component_that_keeps_dying_waits_longer_each_time_up_to_a_minute() {
        List<Duration> pauses = new ArrayList<>();
        for (int restart = 0; restart < 9; restart++) {
            components.dead.add("mongo");
            Instant diedAt = now;
            while (!components.started.contains("mongo")) {
                supervisor.check();
                pass(Duration.ofMillis(500));
            }
            pauses.add(Duration.between(diedAt, now).minusMillis(500));
            components.started.clear();
        }
        assertThat(pauses).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(supervisor.restarts("mongo")).isEqualTo(9);
    }

    @Test
    void the_pause_starts_again_from_a_second_once_the_component_ran_stably() {
        for (int restart = 0; restart < 4; restart++) {
            components.dead.add("gateway");
            while (components.dead.contains("gateway")) {
                supervisor.check();
                pass(Duration.ofSeconds(1));
            }
        }
        assertThat(supervisor.backOff("gateway")).isEqualTo(Duration.ofSeconds(16));
        pass(Supervisor.STABLE);
        supervisor.check();
        assertThat(supervisor.backOff("gateway")).isEqualTo(Supervisor.FIRST_BACK_OFF);
    }

    @Test
    void a_component_that_does_not_come_up_is_tried_again_later() {
        components.dead.add("kafka");
        components.failsToStart.add("kafka");
        supervisor.check();
        pass(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(components.startAttempts.get("kafka")).isEqualTo(1);
        assertThat(logText()).contains("kafka did not come up");
        components.failsToStart.clear();
        pass(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(components.startAttempts.get("kafka")).isEqualTo(1);
        pass(Duration.ofSeconds(2));
        supervisor.check();
        assertThat(components.startAttempts.get("kafka")).isEqualTo(2);
        assertThat(components.dead).doesNotContain("kafka");
    }

    @Test
    void a_process_that_fails_its_liveness_check_again_and_again_is_killed_and_started_again() {
        components.notLive.add("case-service");
        for (int i = 1; i < Supervisor.LIVENESS_FAILURES_TO_KILL; i++) {
            supervisor.check();
            pass(Duration.ofSeconds(2));
        }
        assertThat(components.killed).isEmpty();
        supervisor.check();
        assertThat(components.killed).containsExactly("case-service");
        pass(Duration.ofSeconds(2));
        supervisor.check();
        assertThat(components.started).containsExactly("case-service");
        assertThat(logText()).contains("case-service failed its liveness check 6 times in a row: killed");
    }

    @Test
    void a_single_slow_liveness_answer_kills_nothing() {
        for (int i = 0; i < 20; i++) {
            if (i % 3 == 0) {
                components.notLive.add("steering-service");
            } else {
                components.notLive.remove("steering-service");
            }
            supervisor.check();
            pass(Duration.ofSeconds(2));
        }
        assertThat(components.killed).isEmpty();
    }

    @Test
    void components_that_died_together_are_started_together_the_infrastructure_first() {
        components.dead.addAll(List.of("kafka", "case-service", "steering-service"));
        components.startingTogether = new CountDownLatch(2);
        supervisor.check();
        pass(Supervisor.FIRST_BACK_OFF);
        long before = System.nanoTime();
        supervisor.check();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("both services started at once, not one after the other")
                .isLessThan(Duration.ofSeconds(4));
        assertThat(components.startingTogether.getCount()).isZero();
        assertThat(components.starting.get(0)).as("the broker before the services that need it").isEqualTo("kafka");
        assertThat(components.started).containsExactlyInAnyOrder("kafka", "case-service", "steering-service");
        assertThat(components.dead).isEmpty();
    }

    private void pass(Duration duration) {
        now = now.plus(duration);
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private final class FakeComponents implements Supervisor.Components {
        final Set<String> dead = ConcurrentHashMap.newKeySet();
        final Set<String> notLive = ConcurrentHashMap.newKeySet();
        final Set<String> failsToStart = ConcurrentHashMap.newKeySet();
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> killed = new CopyOnWriteArrayList<>();
        final Map<String, Integer> startAttempts = new ConcurrentHashMap<>();
        /** Names whose start waits until all of them are starting (a start one at a time would wait in vain). */
        volatile CountDownLatch startingTogether = new CountDownLatch(0);
        final List<String> starting = new CopyOnWriteArrayList<>();

        @Override
        public List<String> names() {
            return List.of("kafka", "mongo", "case-service", "steering-service", "gateway");
        }

        @Override
        public boolean alive(String name) {
            return !dead.contains(name);
        }

        @Override
        public boolean live(String name) {
            return !notLive.contains(name);
        }

        @Override
        public int tier(String name) {
            return switch (name) {
                case "kafka", "mongo" -> 0;
                case "gateway" -> 2;
                default -> 1;
            };
        }

        @Override
        public void start(String name) {
            starting.add(name);
            if (!name.equals("kafka") && !name.equals("mongo")) {
                startingTogether.countDown();
                try {
                    startingTogether.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            startAttempts.merge(name, 1, Integer::sum);
            if (failsToStart.contains(name)) {
                throw new IllegalStateException(name + " exited during start-up; its log ends with:\n...");
            }
            dead.remove(name);
            notLive.remove(name);
            started.add(name);
        }

        @Override
        public void kill(String name) {
            killed.add(name);
            dead.add(name);
        }
    }
}
