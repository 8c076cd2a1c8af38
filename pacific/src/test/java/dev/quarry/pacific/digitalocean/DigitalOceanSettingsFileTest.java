package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** etc/cloud/digitalocean.json: defaults, and one line naming the file and key for each problem. */
class DigitalOceanSettingsFileTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path home;

    @Test
    void readsTheSettingsWithDefaults() throws Exception {
        Path file = write("{\"grid\": \"main\", \"region\": \"fra1\", \"agent\": {\"jar\": "
                + "\"https://hq.example.com/quarry.jar\", \"sha256\": \"" + SHA.toUpperCase() + "\"}, "
                + "\"agentTimeout\": \"15m\"}");

        DigitalOceanSettings settings = DigitalOceanSettingsFile.read(file);

        assertEquals(new DigitalOceanSettings("main", "fra1", "debian-13-x64", "openjdk-21-jdk-headless",
                new AgentSource.Jar("https://hq.example.com/quarry.jar", SHA), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofSeconds(5)), settings);
    }

    @Test
    void readsAPackageAgent() throws Exception {
        Path file = write("{\"grid\": \"main\", \"region\": \"nyc1\", \"agent\": {\"package\": \"quarry\"}}");

        assertEquals(new AgentSource.DebianPackage("quarry"), DigitalOceanSettingsFile.read(file).agent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"region\": \"fra1\", \"agent\": {\"package\": \"quarry\"}}"
                + "|grid: missing; set it to the grid's name, such as \"main\"",
        "{\"grid\": \"main\", \"regoin\": \"fra1\"}"
                + "|\"regoin\" is not a setting; the settings are grid, region, image, javaPackage, agent, "
                + "activeTimeout, agentTimeout, pollInterval",
        "{\"grid\": \"main\", \"region\": \"fra1\"}"
                + "|agent: missing; set it to {\"jar\": \"https://hq.example.com/quarry.jar\", \"sha256\": "
                + "\"<sha256sum of it>\"} or {\"package\": \"quarry\"}",
        "{\"grid\": \"main\", \"region\": \"fra1\", \"agent\": {\"jar\": \"https://x/q.jar\", \"sha\": \"1\"}}"
                + "|agent: \"sha\" is not a setting; set it to {\"jar\": \"https://hq.example.com/quarry.jar\", "
                + "\"sha256\": \"<sha256sum of it>\"} or {\"package\": \"quarry\"}",
        "{\"grid\": \"main\", \"region\": \"fra1\", \"agent\": {\"jar\": \"ftp://x/q.jar\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}}"
                + "|agent jar URL \"ftp://x/q.jar\" must be an http or https URL without quotes or spaces",
        "{\"grid\": \"main\", \"region\": \"fra1\", \"agent\": {\"package\": \"quarry\"}, \"agentTimeout\": \"ten\"}"
                + "|agentTimeout: \"ten\" is not a duration; write a whole number and ms, s, m or h, such as \"10m\"",
        "{\"grid\": \"Main\", \"region\": \"fra1\", \"agent\": {\"package\": \"quarry\"}}"
                + "|grid: \"Main\" is not valid; use lower-case letters, digits and dashes",
        "{\"grid\": \"main\", \"region\": 7, \"agent\": {\"package\": \"quarry\"}}"
                + "|region: must be a string, a region slug such as \"fra1\"; got 7",
    })
    void eachProblemIsOneLineNamingTheFileAndKey(String json, String expected) throws IOException {
        Path file = write(json);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> DigitalOceanSettingsFile.read(file));

        assertEquals("pacific: " + file + ": " + expected, failure.getMessage());
    }

    @Test
    void brokenJsonIsShownWithLineAndColumn() throws IOException {
        Path file = write("{\"grid\": \"main\",\n \"region\": }");

        CloudFailure failure = assertThrows(CloudFailure.class, () -> DigitalOceanSettingsFile.read(file));

        String message = failure.getMessage();
        assertTrue(message.startsWith("pacific: " + file + ":2:12: not valid JSON (Unexpected character ('}'"), message);
        assertTrue(message.endsWith("); fix the file"), message);
    }

    @Test
    void aMissingFileSaysWhatToWrite() {
        Path file = DigitalOceanSettingsFile.settingsFile(home);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> DigitalOceanSettingsFile.read(file));

        assertEquals("pacific: " + home + "/etc/cloud/digitalocean.json is missing; write the DigitalOcean settings "
                + "there (grid, region, agent)", failure.getMessage());
    }

    private Path write(String json) throws IOException {
        Path file = DigitalOceanSettingsFile.settingsFile(home);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }
}
