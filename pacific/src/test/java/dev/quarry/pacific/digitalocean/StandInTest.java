package dev.quarry.pacific.digitalocean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against a fresh DigitalOcean stand-in on loopback; afterwards it is stopped and no log line
 * may hold the API token.
 */
abstract class StandInTest {
    StandInFixture fixture;

    @BeforeEach
    void startStandIn() throws Exception {
        fixture = new StandInFixture();
    }

    @AfterEach
    void stopStandIn() throws Exception {
        fixture.close();
        NoTokenLeaks.assertNoLogLineHasToken();
    }
}
