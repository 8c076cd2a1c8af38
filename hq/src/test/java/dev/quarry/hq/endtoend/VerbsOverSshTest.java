package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarry verbs through the real ssh client: output, JSON, exit status and one-line errors. */
class VerbsOverSshTest {
    @TempDir
    Path root;

    private RunningHq hq;
    private GitWorkTree shop;
    private String commit;

    @BeforeEach
    void start() {
        hq = RunningHq.start(root);
        shop = hq.workTree("shop");
        commit = shop.write("quarry.yml", "env: {RACK_ENV: production}\n" + QuarryFiles.WEB).commit("first");
        shop.push(RunningHq.url("shop"), "main").requireSuccess();
    }

    @AfterEach
    void stop() {
        hq.close();
    }

    @Test
    void appsListsEachStackWithItsLiveRelease() {
        List<String> lines = hq.alice().run("apps").requireSuccess().stdoutLines();
        assertEquals("APP   RELEASE  COMMIT        BRANCH  DEPLOYED", lines.get(0));
        assertTrue(lines.get(1).startsWith("shop  1        " + commit.substring(0, 12) + "  main    20"), lines.get(1));
    }

    @Test
    void configSetAndUnsetMakeReleasesOfTheSameCode() throws Exception {
        CommandResult set = hq.alice().run("config", "shop", "set", "SECRET=s3cret", "RACK_ENV=staging")
                .requireSuccess();
        assertEquals("-----> shop: main " + commit.substring(0, 12) + ", config set SECRET, RACK_ENV by alice",
                set.stdoutLines().getFirst());
        assertTrue(set.stdoutLines().contains("         DEPLOY  shop/web  release=2 scale=1"), set.describe());

        assertEquals(List.of("NODE  KEY       VALUE    FROM", "web   RACK_ENV  staging  config",
                "web   SECRET    s3cret   config"),
                hq.alice().run("config", "shop").requireSuccess().stdoutLines());

        hq.alice().run("config", "shop", "unset", "RACK_ENV").requireSuccess();
        JsonNode config = JsonValues.MAPPER.readTree(hq.alice().run("config", "shop", "--json").stdout());
        assertEquals("production", config.get("env").get("RACK_ENV").asText(), "quarry.yml's value is back");
        assertEquals(1, config.get("config").size());
        assertEquals("production", config.get("nodes").get("web").get("RACK_ENV").get("value").asText());
        assertEquals("quarry.yml env", config.get("nodes").get("web").get("RACK_ENV").get("from").asText());
        assertEquals("config", config.get("nodes").get("web").get("SECRET").get("from").asText());
        JsonNode releases = JsonValues.MAPPER.readTree(hq.alice().run("releases", "shop", "--json").stdout());
        assertEquals(3, releases.get(0).get("release").asInt());
        assertEquals(commit, releases.get(0).get("commit").asText());
        assertEquals("config unset RACK_ENV", releases.get(0).get("reason").asText());
    }

    @Test
    void scaleIsAReleaseWithAScaleInstructionAndLastsAcrossPushes() {
        CommandResult scale = hq.alice().run("scale", "shop", "web=3").requireSuccess();
        assertTrue(scale.stdoutLines().contains("         SCALE   shop/web  3"), scale.describe());
        assertEquals(List.of("APP   NODE  RELEASE  SCALE  RUNTIME  DOMAINS           STATE",
                "shop  web   2        3      process  shop.example.com  planned"),
                hq.alice().run("ps", "shop").requireSuccess().stdoutLines());

        shop.write("server", "v2\n").commit("second");
        CommandResult push = shop.push(RunningHq.url("shop"), "main").requireSuccess();
        assertTrue(GitWorkTree.remoteLines(push).contains("         DEPLOY  shop/web  release=3 scale=3"),
                push.describe());
    }

    @Test
    void releasesAreListedNewestFirst() {
        hq.alice().run("config", "shop", "set", "A=1").requireSuccess();
        List<String> lines = hq.alice().run("releases", "shop").requireSuccess().stdoutLines();
        assertEquals("RELEASE  STATUS    COMMIT        BRANCH  CREATED               BY     WHAT", lines.get(0));
        assertTrue(lines.get(1).startsWith("2        live      " + commit.substring(0, 12) + "  main    20"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("alice  config set A"), lines.get(1));
        assertTrue(lines.get(2).startsWith("1        deployed  "), lines.get(2));
        assertTrue(lines.get(2).endsWith("alice  pushed"), lines.get(2));
    }

    @Test
    void errorsAreOneLineWithANonZeroStatus() {
        assertOneLineError(hq.alice().run("releases", "nope"), 1,
                "quarry releases: no app named nope on this HQ; see: apps, or push it: git push quarry@HQ:nope main");
        assertOneLineError(hq.alice().run("releases"), 2,
                "quarry releases: name the app; usage: releases APP [--json]");
        assertOneLineError(hq.alice().run("rollback", "shop"), 1,
                "quarry rollback: shop has no deployed release before release 1 to roll back to; see: releases shop");
        assertOneLineError(hq.alice().run("rollback", "shop", "1"), 1,
                "quarry rollback: release 1 of shop is already live; name another (see: releases shop)");
        assertOneLineError(hq.alice().run("scale", "shop", "api=2"), 1,
                "quarry scale: shop has no node \"api\"; its nodes: web");
        assertOneLineError(hq.alice().run("config", "shop", "set", "1X=y"), 2, "quarry config: \"1X\" is not a"
                + " variable name of letters, digits and underscores, not starting with a digit; usage: config APP"
                + " [--json] | config APP set KEY=VALUE... | config APP unset KEY...");
        assertOneLineError(hq.alice().run("apps", "--yaml"), 2,
                "quarry apps: unknown option \"--yaml\"; usage: apps [--json]");
        assertOneLineError(hq.alice().run("logs", "shop"), 1, "quarry logs: logs of shop are not available: this HQ"
                + " runs without a grid, so no containers run; start it with --router to run them");
        assertOneLineError(hq.alice().run("dashboard"), 1, "quarry dashboard: this HQ serves no dashboard; start it"
                + " with --dashboard ADDR:PORT (quarry up serves one on 127.0.0.1:8090)");
    }

    @Test
    void serversAndGridSayWhenThereAreNone() {
        assertEquals(List.of("no servers: this HQ runs without a grid; start it with --router (and --local-servers N)"
                + " to run containers"), hq.alice().run("servers").requireSuccess().stdoutLines());
        assertEquals("[ ]", hq.alice().run("servers", "--json").requireSuccess().stdout().strip());
        assertEquals(List.of("no grid: this HQ runs without one; start it with --router (and --local-servers N)"),
                hq.alice().run("grid").requireSuccess().stdoutLines());
    }

    private static void assertOneLineError(CommandResult result, int status, String line) {
        assertEquals(status, result.exitCode(), result.describe());
        assertEquals(List.of(line), result.stderrLines(), result.describe());
    }
}
