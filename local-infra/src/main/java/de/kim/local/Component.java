package de.kim.local;

import java.util.List;
import java.util.Map;

/**
 * One process of the local platform: what runs, on which port, how to tell it is ready.
 *
 * @param name       the process name, also the name of its log and pid file
 * @param port       the port it serves on
 * @param http       whether readiness is an HTTP health check (services) or an open port (infrastructure)
 * @param command    the command line
 * @param env        the environment added to the launcher's own
 */
public record Component(String name, int port, boolean http, List<String> command, Map<String, String> env) {

    public String readinessUrl() {
        return "http://localhost:" + port + "/actuator/health/readiness";
    }
}
