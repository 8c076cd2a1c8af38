package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.pacific.agent.HqPublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The user data is a pure function of the settings and HQ's key: a golden file, and YAML cloud-init can read. */
class CloudInitUserDataTest {
    private static final String HOST_KEY = "-----BEGIN EC PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTestOnly\n"
            + "-----END EC PRIVATE KEY-----\n";
    private static final HqPublicKey KEY = new HqPublicKey(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGoldenKeyGoldenKeyGoldenKeyGoldenKey00000 quarry@hq");
    private static final DigitalOceanSettings JAR = DigitalOceanSettings.of("main", "fra1",
            new AgentSource.Jar("https://hq.example.com/quarry.jar",
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));

    @Test
    void userDataForAJarMatchesTheGoldenFile() throws IOException {
        assertEquals(golden("user-data-jar.golden"), CloudInitUserData.render(JAR, KEY, HOST_KEY));
    }

    @Test
    void userDataIsCloudConfigYamlThatTrustsHqsKeyAndStartsTheAgent() {
        String userData = CloudInitUserData.render(JAR, KEY, HOST_KEY);
        assertTrue(userData.startsWith("#cloud-config\n"));

        Map<String, Object> config = new Yaml().load(userData);
        assertEquals(List.of("docker.io", "openjdk-21-jdk-headless", "curl", "ca-certificates"), config.get("packages"));
        Map<?, ?> quarry = (Map<?, ?>) ((List<?>) config.get("users")).get(1);
        assertEquals("quarry", quarry.get("name"));
        assertEquals(List.of(KEY.line()), quarry.get("ssh_authorized_keys"));
        List<?> files = (List<?>) config.get("write_files");
        Map<?, ?> hqPub = (Map<?, ?>) files.getFirst();
        assertEquals("/home/quarry/hq.pub", hqPub.get("path"));
        assertEquals(KEY.line() + "\n", hqPub.get("content"));
        Map<?, ?> hostKey = (Map<?, ?>) files.get(1);
        assertEquals("/home/quarry/ssh_host_key", hostKey.get("path"));
        assertEquals("0600", hostKey.get("permissions"));
        assertEquals("quarry:quarry", hostKey.get("owner"));
        assertEquals(HOST_KEY, hostKey.get("content"));
        String service = (String) ((Map<?, ?>) files.getLast()).get("content");
        assertTrue(service.contains("ExecStart=/usr/local/bin/quarry agent --home /home/quarry --listen 0.0.0.0:2200 "
                + "--hq-key /home/quarry/hq.pub\n"), service);
        assertEquals(List.of("systemctl", "enable", "--now", "quarry-agent.service"),
                ((List<?>) config.get("runcmd")).getLast());
    }

    @Test
    void aDebianPackageAgentIsInstalledWithAptAndNeedsNoDownload() {
        DigitalOceanSettings settings = DigitalOceanSettings.of("main", "fra1", new AgentSource.DebianPackage("quarry"));

        String userData = CloudInitUserData.render(settings, KEY, HOST_KEY);
        Map<String, Object> config = new Yaml().load(userData);

        assertEquals(List.of("docker.io", "openjdk-21-jdk-headless", "quarry"), config.get("packages"));
        assertFalse(userData.contains("curl"));
        assertFalse(userData.contains("install-agent"));
        assertTrue(userData.contains("ExecStart=/usr/bin/quarry agent --home /home/quarry"));
        assertEquals(3, ((List<?>) config.get("runcmd")).size());
    }

    @Test
    void aKeyCommentEndingInAColonStaysOneKey() {
        HqPublicKey odd = new HqPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOdd hq:");

        Map<String, Object> config = new Yaml().load(CloudInitUserData.render(JAR, odd, HOST_KEY));

        Map<?, ?> quarry = (Map<?, ?>) ((List<?>) config.get("users")).get(1);
        assertEquals(List.of(odd.line()), quarry.get("ssh_authorized_keys"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CloudInitUserDataTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
