package dev.quarry.agent.runtime;

import dev.quarry.compiler.read.Names;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.VolumeSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The checks a ContainerRequest passes in its constructor, each failing with one line. */
final class RequestChecks {
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern VOLUME_PATH = Pattern.compile("/[A-Za-z0-9._/-]{0,254}");
    static final String RESERVED_LABELS = "dev.quarry.";

    private RequestChecks() {}

    static Map<String, String> environment(Map<String, String> env) {
        if (env == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            if (entry.getKey() == null || !ENV_KEY.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("env: " + Quoted.of(entry.getKey())
                        + " is not a variable name; use letters, digits and underscores, not starting with a digit");
            }
            if (entry.getValue() == null || entry.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("env." + entry.getKey() + ": must be text without NUL characters");
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(env));
    }

    /** An IP address written out (no name to look up), such as 127.0.5.2 or ::1. */
    static void address(String host) {
        if (!IPV4.matcher(host).matches() && !(host.contains(":") && IPV6.matcher(host).matches())) {
            throw new IllegalArgumentException("host must be an IP address such as 127.0.5.2, got " + Quoted.of(host));
        }
    }

    static void port(Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
    }

    static void limits(int memoryMebibytes, int cpuMillicores) {
        if (memoryMebibytes < 0 || cpuMillicores < 0) {
            throw new IllegalArgumentException("memoryMebibytes and cpuMillicores must be 0 (no limit) or more, got "
                    + memoryMebibytes + " and " + cpuMillicores);
        }
    }

    static Map<String, String> labels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        for (String key : labels.keySet()) {
            if (key == null || !LABEL_KEY.matcher(key).matches() || key.startsWith(RESERVED_LABELS)) {
                throw new IllegalArgumentException("labels: " + Quoted.of(key) + " is not allowed; use lowercase letters,"
                        + " digits, dots and dashes, not starting with " + RESERVED_LABELS);
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    static void kind(RuntimeKind kind, String image, String dockerfile, String run, List<VolumeSpec> volumes) {
        if (kind == RuntimeKind.DOCKER && (image == null) == (dockerfile == null)) {
            throw new IllegalArgumentException("a docker container needs exactly one of image and dockerfile");
        }
        if (kind == RuntimeKind.PROCESS && (image != null || dockerfile != null)) {
            throw new IllegalArgumentException("a process container takes no image or dockerfile; use kind docker");
        }
        if (kind == RuntimeKind.PROCESS && (run == null || run.isBlank())) {
            throw new IllegalArgumentException("a process container needs run, the command to start it");
        }
        if (kind == RuntimeKind.PROCESS && !volumes.isEmpty()) {
            throw new IllegalArgumentException("volumes are for docker containers; a process uses its own folders");
        }
        for (VolumeSpec volume : volumes) {
            if (!Names.isName(volume.name()) || !VOLUME_PATH.matcher(volume.path()).matches()) {
                throw new IllegalArgumentException("volumes: " + Quoted.of(volume.toString()) + " is not NAME:/PATH[:ro]"
                        + " with NAME " + Names.NAME_RULE);
            }
        }
    }
}
