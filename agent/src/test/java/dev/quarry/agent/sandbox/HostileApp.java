package dev.quarry.agent.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An attacker's release: {@code attack.sh} tries to read and change what is not its own and to reach
 * other apps' processes, printing {@code blocked: NAME} or {@code BREACH: NAME} for each, then serves
 * {@code www/} like the busybox app.
 */
final class HostileApp {
    static final String RUN = "sh attack.sh";
    static final String DONE = "ATTACKS DONE";
    static final String SCRIPT = """
            try() { name=$1; shift; if "$@" >/dev/null 2>&1; then echo "BREACH: $name"; else echo "blocked: $name"; fi; }
            try read-shadow cat /etc/shadow
            try read-agent-key cat "$AGENT_HOME/ssh_host_key"
            try read-agent-state cat "$AGENT_HOME/state.json"
            try read-other-source cat "$AGENT_HOME/sources/bank/1/www/index.html"
            try write-other-source sh -c 'echo owned > "$AGENT_HOME/sources/bank/1/www/index.html"'
            try read-other-home ls "$AGENT_HOME/homes/bank/"
            try list-root-home ls /root/.
            try write-system-folder touch /usr/bin/quarry-owned
            try write-own-release touch /app/owned
            for pid in $VICTIM_PIDS; do
              try kill-other-app kill -9 "$pid"
              try ptrace-other-app perl -e 'exit(syscall(101, 16, $ARGV[0], 0, 0) == 0 ? 0 : 1)' "$pid"
            done
            echo "uid $(id -u) gid $(id -g) $(grep NoNewPrivs /proc/self/status | tr -d '\\t')"
            echo "home $HOME holds $(ls /home)"
            echo "users $(cut -d: -f1,6 /etc/passwd | tr '\\n' ' ')"
            echo "me $(id -un)"
            echo "processes seen $(ls /proc | grep -c '^[0-9]')"
            echo "writes own home $(touch "$HOME/mine" && echo yes)"
            echo "%s"
            exec busybox httpd -f -p $HOST:$PORT -h www
            """.formatted(DONE);

    private HostileApp() {}

    static Path write(Path folder) {
        try {
            Files.createDirectories(folder.resolve("www"));
            Files.writeString(folder.resolve("www/index.html"), "attacker\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("www/up"), "ok\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("attack.sh"), SCRIPT, StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
