package dev.quarry.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where HQ is, read from --hq and from git remote URLs as users write them. */
class HqAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ssh://quarry@hq.example.com:2222/shop, quarry, hq.example.com, 2222, shop",
        "ssh://quarry@hq.example.com:2222/shop.git, quarry, hq.example.com, 2222, shop",
        "ssh://hq.example.com/blog, quarry, hq.example.com, 22, blog",
        "quarry@hq.example.com:shop, quarry, hq.example.com, 22, shop",
        "deploy@10.0.0.5:/shop.git, deploy, 10.0.0.5, 22, shop",
        "ssh://quarry@[::1]:2222/shop, quarry, ::1, 2222, shop"
    })
    void readsGitRemotes(String url, String user, String host, int port, String app) {
        assertEquals(Optional.of(new HqTarget(user, host, port, Optional.of(app))), HqAddress.parseRemote(url));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://github.com/acme/shop.git", "/srv/git/shop.git", "file:///srv/shop"})
    void ignoresRemotesThatAreNotSsh(String url) {
        assertEquals(Optional.empty(), HqAddress.parseRemote(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1:2300, quarry, 127.0.0.1, 2300", "ops@hq.example.com, ops, hq.example.com, 2222"})
    void readsTheHqOption(String text, String user, String host, int port) {
        assertEquals(new HqTarget(user, host, port, Optional.empty()), HqAddress.parseOption(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-oProxyCommand=x", "host:99999", "a b", ""})
    void refusesAnHqOptionThatIsNoAddress(String text) {
        assertThrows(IllegalArgumentException.class, () -> HqAddress.parseOption(text));
    }
}
