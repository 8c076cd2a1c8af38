package dev.quarry.pacific.digitalocean;

import dev.quarry.pacific.agent.HqPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the cloud-init user data of a new droplet, a pure function of the settings and HQ's key: install Docker
 * (Debian's docker.io) and a JDK, make the {@code quarry} user that HQ's key may log in as, put the key in the
 * agent's {@code hq.pub} and the host key pacific made for it in its {@code ssh_host_key}, install the agent and
 * start it as a systemd service. Every value in it was validated
 * before (names, slugs, a URL without quotes, a key of base64 and a plain comment), so quoting is simple: the key
 * is single-quoted where YAML could misread it, the URL single-quoted for the shell.
 */
public final class CloudInitUserData {
    public static final String HOME = "/home/quarry";
    public static final int AGENT_PORT = 2200;
    private static final String INSTALL_SCRIPT = "/usr/local/lib/quarry/install-agent";

    private CloudInitUserData() {}

    /**
     * @param agentHostKeyPem the agent's host key (PEM), made by pacific so HQ knows its public half before
     *     it first connects; written to the agent's {@code ssh_host_key}, readable by the quarry user only
     */
    public static String render(DigitalOceanSettings settings, HqPublicKey hqKey, String agentHostKeyPem) {
        List<String> lines = new ArrayList<>();
        lines.add("#cloud-config");
        lines.add("# A Quarry server of grid " + settings.grid() + ": Docker, a JDK and the Quarry agent, "
                + "which trusts only HQ's key.");
        lines.add("package_update: true");
        lines.add("packages:");
        lines.add("  - docker.io");
        lines.add("  - " + settings.javaPackage());
        settings.agent().packages().forEach(name -> lines.add("  - " + name));
        lines.add("users:");
        lines.add("  - default");
        lines.add("  - name: quarry");
        lines.add("    gecos: Quarry agent");
        lines.add("    shell: /bin/bash");
        lines.add("    lock_passwd: true");
        lines.add("    ssh_authorized_keys:");
        lines.add("      - '" + hqKey.line() + "'");
        lines.add("write_files:");
        file(lines, HOME + "/hq.pub", "0644", true, List.of(hqKey.line()));
        file(lines, HOME + "/ssh_host_key", "0600", true, agentHostKeyPem.strip().lines().toList());
        if (settings.agent() instanceof AgentSource.Jar jar) {
            file(lines, INSTALL_SCRIPT, "0700", false, installScript(jar));
        }
        file(lines, "/etc/systemd/system/quarry-agent.service", "0644", false, service(settings.agent().command()));
        lines.add("runcmd:");
        lines.add("  - [usermod, --append, --groups, docker, quarry]");
        if (settings.agent() instanceof AgentSource.Jar) {
            lines.add("  - [" + INSTALL_SCRIPT + "]");
        }
        lines.add("  - [systemctl, daemon-reload]");
        lines.add("  - [systemctl, enable, --now, quarry-agent.service]");
        return String.join("\n", lines) + "\n";
    }

    /** The command the droplet runs the agent with. */
    public static String agentCommand(String quarry) {
        return quarry + " agent --home " + HOME + " --listen 0.0.0.0:" + AGENT_PORT + " --hq-key " + HOME + "/hq.pub";
    }

    /** A write_files entry; a deferred one is written after the quarry user exists. */
    private static void file(List<String> lines, String path, String mode, boolean ownedByQuarry, List<String> content) {
        lines.add("  - path: " + path);
        if (ownedByQuarry) {
            lines.add("    owner: quarry:quarry");
        }
        lines.add("    permissions: '" + mode + "'");
        if (ownedByQuarry) {
            lines.add("    defer: true");
        }
        lines.add("    content: |");
        content.forEach(line -> lines.add(line.isEmpty() ? "" : "      " + line));
    }

    private static List<String> installScript(AgentSource.Jar jar) {
        return List.of(
                "#!/bin/sh",
                "# Fetches the Quarry agent, checks its SHA-256 and puts a quarry command on the PATH.",
                "set -eu",
                "cd /usr/local/lib/quarry",
                "curl --fail --silent --show-error --location --retry 10 --retry-connrefused --output quarry.jar.part '"
                        + jar.url() + "'",
                "echo '" + jar.sha256() + "  quarry.jar.part' | sha256sum --check --strict -",
                "mv quarry.jar.part quarry.jar",
                "printf '#!/bin/sh\\nexec java -jar /usr/local/lib/quarry/quarry.jar \"$@\"\\n' > /usr/local/bin/quarry",
                "chmod 755 /usr/local/bin/quarry");
    }

    private static List<String> service(String quarry) {
        return List.of(
                "[Unit]",
                "Description=Quarry agent: runs HQ's containers on this server",
                "Wants=network-online.target docker.service",
                "After=network-online.target docker.service",
                "",
                "[Service]",
                "User=quarry",
                "ExecStart=" + agentCommand(quarry),
                "Restart=always",
                "RestartSec=2",
                "",
                "[Install]",
                "WantedBy=multi-user.target");
    }
}
