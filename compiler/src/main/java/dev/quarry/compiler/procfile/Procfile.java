package dev.quarry.compiler.procfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.compiler.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the quarry.yml of an app that has only a Procfile (Heroku's format): {@code web} is routed on
 * {@code APP.DOMAIN} (HQ's default domain) and, like every process node, gets PORT from its server's range;
 * {@code release} becomes the release hook; every other line is a worker (no port: ready once it has run
 * its grace without exiting). Pure: bytes and names in, text out. When a repository has both, quarry.yml wins
 * (the caller looks for it first).
 */
public final class Procfile {
    /** The file Heroku, Dokku and piku apps carry in their repository root. */
    public static final String NAME = "Procfile";
    /** The process type routed on the app's domain. */
    public static final String WEB = "web";
    /** The process type run once per release, before its containers start. */
    public static final String RELEASE = "release";
    /** The largest Procfile read. */
    public static final int MAX_BYTES = 64 * 1024;
    /**
     * What a derived web node declares as {@code port:}: it marks a node that listens (it is routed, checked by
     * a TCP connect); a process node always listens on the PORT it is given from its server's range.
     */
    static final int WEB_PORT = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Procfile() {}

    /**
     * @param fileName how to name the file in problems, such as {@code Procfile}
     * @param app the app pushed to
     * @param domain HQ's default domain, such as {@code localhost}: web is routed on {@code APP.DOMAIN}
     */
    public static Derivation derive(String fileName, byte[] bytes, String app, String domain) {
        List<Problem> problems = new ArrayList<>();
        List<ProcfileLine> lines = ProcfileReader.read(fileName, bytes, problems);
        List<ProcfileLine> processes = lines.stream().filter(line -> !line.name().equals(RELEASE)).toList();
        Optional<ProcfileLine> release = lines.stream().filter(line -> line.name().equals(RELEASE)).findFirst();
        if (problems.isEmpty() && processes.isEmpty()) {
            problems.add(new Problem(fileName, 1, 1, "", "defines no process to run; add a line such as web: ./server"
                    + " or worker: ./worker"));
        }
        if (!problems.isEmpty()) {
            return new Derivation.Invalid(problems);
        }
        String hookNode = processes.stream().anyMatch(line -> line.name().equals(WEB)) ? WEB
                : processes.getFirst().name();
        return new Derivation.Derived(quarryFile(fileName, processes, release, hookNode, app + "." + domain),
                summary(processes, release, hookNode, app + "." + domain));
    }

    private static String quarryFile(String fileName, List<ProcfileLine> processes, Optional<ProcfileLine> release,
            String hookNode, String webDomain) {
        StringBuilder yaml = new StringBuilder("# derived from the " + fileName + " (there is no quarry.yml)\nnodes:\n");
        for (ProcfileLine process : processes) {
            yaml.append("  ").append(process.name()).append(":\n");
            yaml.append("    run: ").append(quoted(process.command())).append('\n');
            if (process.name().equals(WEB)) {
                yaml.append("    port: ").append(WEB_PORT).append('\n');
                yaml.append("    domains: [").append(quoted(webDomain)).append("]\n");
            }
            if (release.isPresent() && process.name().equals(hookNode)) {
                yaml.append("    hooks: {release: ").append(quoted(release.get().command())).append("}\n");
            }
        }
        return yaml.toString();
    }

    private static String summary(List<ProcfileLine> processes, Optional<ProcfileLine> release, String hookNode,
            String webDomain) {
        List<String> parts = new ArrayList<>();
        for (ProcfileLine process : processes) {
            parts.add(process.name().equals(WEB) ? WEB + " (routed on " + webDomain + ", PORT from the range)"
                    : process.name() + " (a worker: no port, ready after 2 s running)");
        }
        String hook = release.map(line -> "; the release hook from release: (run with " + hookNode + "'s release)")
                .orElse("");
        return "derived from the " + NAME + ": " + String.join(", ", parts) + hook;
    }

    /** A YAML double-quoted scalar: JSON's escapes are YAML's. */
    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a command", e);
        }
    }
}
