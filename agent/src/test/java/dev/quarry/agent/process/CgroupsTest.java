package dev.quarry.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files a container's limits go to on cgroup v1 and v2, and what its status says where a controller
 * is missing, on hierarchies laid out in a temporary folder (the real ones are driven by ProcessReleaseTest
 * and SandboxIsolationTest).
 */
class CgroupsTest {
    private static final Limits LIMITS = new Limits(64, 500, Limits.PROCESSES);

    @TempDir
    Path root;

    @Test
    void onV1EachLimitGoesToItsControllersHierarchy() throws Exception {
        for (String controller : List.of("memory", "cpu", "pids")) {
            Files.createDirectories(root.resolve(controller));
            Files.writeString(root.resolve(controller).resolve("cgroup.procs"), "");
        }
        Cgroups cgroups = Cgroups.detect(root, "a1");

        List<Path> procs = cgroups.create("shop.web.1.1", LIMITS);

        Path memory = root.resolve("memory/quarry-a1/shop.web.1.1");
        assertEquals("67108864", Files.readString(memory.resolve("memory.limit_in_bytes")));
        assertEquals("100000", Files.readString(root.resolve("cpu/quarry-a1/shop.web.1.1/cpu.cfs_period_us")));
        assertEquals("50000", Files.readString(root.resolve("cpu/quarry-a1/shop.web.1.1/cpu.cfs_quota_us")));
        assertEquals("1024", Files.readString(root.resolve("pids/quarry-a1/shop.web.1.1/pids.max")));
        assertEquals(3, procs.size());
        assertEquals(List.of(), cgroups.unenforced(LIMITS));
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        assertEquals(2, cgroups.outOfMemoryKills("shop.web.1.1"));
    }

    @Test
    void onV2TheLimitsShareOneCgroup() throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Cgroups cgroups = Cgroups.detect(root, "a1");

        List<Path> procs = cgroups.create("shop.web.1.1", LIMITS);

        Path group = root.resolve("quarry-a1/shop.web.1.1");
        assertEquals("+memory +cpu +pids", Files.readString(root.resolve("quarry-a1/cgroup.subtree_control")));
        assertEquals("67108864", Files.readString(group.resolve("memory.max")));
        assertEquals("50000 100000", Files.readString(group.resolve("cpu.max")));
        assertEquals("1024", Files.readString(group.resolve("pids.max")));
        assertEquals(List.of(group.resolve("cgroup.procs")), procs);
    }

    @Test
    void aMissingControllerIsNamedInTheStatusNeverSilentlySkipped() throws Exception {
        Files.createDirectories(root.resolve("memory"));
        Files.writeString(root.resolve("memory/cgroup.procs"), "");
        Cgroups cgroups = Cgroups.detect(root, "a1");

        assertEquals(List.of("cpu limit not enforced: this machine has no cgroup cpu controller (v2 at " + root
                + " or v1 at " + root.resolve("cpu") + ")", "pids limit not enforced: this machine has no cgroup"
                + " pids controller (v2 at " + root + " or v1 at " + root.resolve("pids") + ")"),
                cgroups.unenforced(LIMITS));
        assertEquals(List.of(root.resolve("memory/quarry-a1/shop.web.1.1/cgroup.procs")),
                cgroups.create("shop.web.1.1", LIMITS));
        assertEquals(List.of(), cgroups.unenforced(new Limits(64, 0, 0)), "only limits asked for are noted");
    }
}
