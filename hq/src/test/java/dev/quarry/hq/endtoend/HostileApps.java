package dev.quarry.hq.endtoend;

import java.nio.file.Path;

/**
 * An attacker's app pushed with an ordinary key: its web node tries to read HQ's keys, the agent's
 * home and the honest app's files, to add a login key to HQ, and to kill and ptrace the honest app's
 * processes, then serves its findings as {@code report.txt}; its other nodes go past their memory
 * and run a fork bomb.
 */
final class HostileApps {
    /** Prints {@code blocked: NAME} or {@code BREACH: NAME} per attack into /tmp/public/report.txt, then serves it. */
    static final String ATTACK = """
            cp -r public /tmp/public
            try() { name=$1; shift; if "$@" >/dev/null 2>&1; then echo "BREACH: $name"; else echo "blocked: $name"; fi; }
            {
            try read-shadow cat /etc/shadow
            try read-hq-host-key cat "$HQ_HOME/etc/hq_host_key"
            try read-hq-agent-key cat "$HQ_HOME/etc/agent_key"
            try list-user-keys ls "$HQ_HOME/keys/"
            try add-user-key sh -c 'echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl evil" > "$HQ_HOME/keys/evil.pub"'
            try read-bank-repository ls "$HQ_HOME/stacks/bank/"
            try read-bank-env cat "$HQ_HOME/stacks/bank/env/BANK_SECRET"
            try list-local-servers ls "$HQ_HOME/local/"
            try list-root-home ls /root/.
            for pid in $BANK_PIDS; do
              try kill-bank kill -9 "$pid"
              try ptrace-bank perl -e 'exit(syscall(101, 16, $ARGV[0], 0, 0) == 0 ? 0 : 1)' "$pid"
            done
            echo "uid $(id -u)"
            echo done
            } > /tmp/public/report.txt
            exec busybox httpd -f -p "$HOST:$PORT" -h /tmp/public
            """;

    private HostileApps() {}

    /** The quarry.yml: the attacker (routed on evil.test), a greedy node and a fork bomb, all 32 MiB. */
    static String quarryFile(Path hqHome, String bankPids) {
        return """
                nodes:
                  web:
                    run: sh attack.sh
                    port: 8080
                    memory: 32M
                    domains: [evil.test]
                    env: {HQ_HOME: "%s", BANK_PIDS: "%s"}
                  greedy:
                    run: busybox httpd -f -p "$HOST:$PORT" -h public & sleep 2; exec perl -e '$x = q(a) x (256 * 1024 * 1024); sleep 1000'
                    port: 8080
                    memory: 32M
                  bomb:
                    run: busybox httpd -f -p "$HOST:$PORT" -h public & sleep 2; bomb() { bomb | bomb & }; bomb; wait
                    port: 8080
                    memory: 32M
                """.formatted(hqHome, bankPids);
    }
}
