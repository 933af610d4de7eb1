package de.kim.platform.e2e;

import de.kim.local.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local platform as {@code ./kim start} runs it on a shared machine: nobody but its user
 * reads its data, and no process answers on any interface but the loopback one.
 */
@EnabledOnOs(OS.LINUX)
class LocalExposureEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = StartedPlatform.shared();

    @Test
    void the_data_directory_and_everything_in_it_are_the_owners_alone() throws Exception {
        Path data = PLATFORM.platform().dataDir();
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            all.filter(path -> !Files.isSymbolicLink(path)).forEach(path -> {
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    if (permissions.contains(PosixFilePermission.OTHERS_READ)
                            || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                            || permissions.contains(PosixFilePermission.GROUP_READ)) {
                        open.add(data.relativize(path) + " " + PosixFilePermissions.toString(permissions));
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed by a process while walked
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(open).as("paths readable by others").isEmpty();
    }

    @Test
    void every_process_listens_on_the_loopback_interface_only() throws Exception {
        Ports ports = PLATFORM.platform().ports();
        Map<Integer, String> ours = new TreeMap<>(Map.of(ports.gateway(), "gateway", ports.caseService(), "case-service",
                ports.partnerService(), "partner-service", ports.immigrationOfficeService(), "immigration-office-service",
                ports.steeringService(), "steering-service", ports.web(), "web", ports.authServer(), "auth-server",
                ports.kafka(), "kafka", ports.kafkaController(), "kafka controller", ports.mongo(), "mongo"));
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                // columns[1] is address:port in hex, columns[3] the state; 0A is LISTEN.
                if (!"0A".equals(columns[3])) {
                    continue;
                }
                String[] local = columns[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                if (ours.containsKey(port)) {
                    listening.add(ours.get(port) + " " + (isLoopback(local[0]) ? "loopback" : "on " + local[0]));
                }
            }
        }
        assertThat(listening).as("listening sockets of the platform").isNotEmpty()
                .allSatisfy(socket -> assertThat(socket).endsWith("loopback"));
        assertThat(listening.stream().map(s -> s.substring(0, s.lastIndexOf(' '))).distinct())
                .containsAll(ours.values());
    }

    /** 127.x.x.x as /proc writes it (little-endian hex), or ::1 and ::ffff:127.x.x.x for IPv6. */
    private static boolean isLoopback(String hex) {
        if (hex.length() == 8) {
            return hex.endsWith("7F");
        }
        return hex.equals("00000000000000000000000001000000")
                || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
    }
}
