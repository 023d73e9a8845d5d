package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The numbers of {@code docker stats}, for the cgroup versions this machine cannot show (it runs v1). */
class StatsCalculatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shape of an engine on cgroup v2 (API docs, ContainerStatsResponse), values chosen to check by hand. */
    private static final String CGROUP_V2 = """
            {"read":"2026-11-23T10:00:01Z","preread":"2026-11-23T10:00:00Z",
             "pids_stats":{"current":3,"limit":4611},
             "blkio_stats":{"io_service_bytes_recursive":[
                {"major":8,"minor":0,"op":"read","value":4096},{"major":8,"minor":0,"op":"write","value":8192},
                {"major":8,"minor":16,"op":"read","value":1}]},
             "cpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":100000000000,"online_cpus":4},
             "precpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":96000000000,"online_cpus":4},
             "memory_stats":{"usage":10485760,"stats":{"inactive_file":2097152,"anon":6000000},"limit":1073741824},
             "networks":{"eth0":{"rx_bytes":1000,"tx_bytes":2000},"eth1":{"rx_bytes":1,"tx_bytes":2}}}
            """;

    @Test
    void cgroupV2NumbersMatchDockerStats() throws Exception {
        ContainerStats stats = StatsCalculator.from(JSON.readTree(CGROUP_V2));

        // 1 s of CPU in a 4 s window of 4 CPUs' time: one core fully busy.
        assertEquals(100.0, stats.cpuPercent(), 1e-9);
        assertEquals(10485760 - 2097152, stats.memoryUsed());
        assertEquals(1073741824, stats.memoryLimit());
        assertEquals(0.78125, stats.memoryPercent(), 1e-9);
        assertEquals(1001, stats.netRx());
        assertEquals(2002, stats.netTx());
        assertEquals(4097, stats.blockRead());
        assertEquals(8192, stats.blockWrite());
        assertEquals(3, stats.pids());
    }

    @Test
    void cgroupV1SubtractsTotalInactiveFileAndCountsCpusWithoutOnlineCpus() throws Exception {
        JsonNode v1 = JSON.readTree("""
                {"cpu_stats":{"cpu_usage":{"total_usage":300,"percpu_usage":[100,200]},"system_cpu_usage":2000},
                 "precpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":1000},
                 "memory_stats":{"usage":5000,"limit":10000,"stats":{"cache":3000,"total_inactive_file":1000}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":7},{"op":"Write","value":9},
                                                             {"op":"Total","value":16}]}}
                """);

        ContainerStats stats = StatsCalculator.from(v1);

        assertEquals(200.0 / 1000 * 2 * 100, stats.cpuPercent(), 1e-9);
        assertEquals(4000, stats.memoryUsed());
        assertEquals(40.0, stats.memoryPercent(), 1e-9);
        assertEquals(7, stats.blockRead());
        assertEquals(9, stats.blockWrite());
        assertEquals(0, stats.netRx());
    }

    @Test
    void aFirstSampleWithoutPreviousCpuReadsZeroNotGarbage() throws Exception {
        JsonNode oneShot = JSON.readTree("""
                {"cpu_stats":{"cpu_usage":{"total_usage":5000},"system_cpu_usage":9000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":0}},
                 "memory_stats":{}}
                """);

        ContainerStats stats = StatsCalculator.from(oneShot);

        assertEquals(0.0, stats.cpuPercent());
        assertEquals(0.0, stats.memoryPercent());
    }
}
