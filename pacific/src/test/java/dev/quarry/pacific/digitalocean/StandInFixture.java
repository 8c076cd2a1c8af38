package dev.quarry.pacific.digitalocean;

import dev.quarry.pacific.agent.AgentProbe;
import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.fakes.ClockSleeper;
import dev.quarry.pacific.fakes.ManualClock;
import dev.quarry.pacific.provider.ProviderEvent;
import dev.quarry.pacific.secret.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A stand-in, a fake clock and sleeper, and providers talking to the stand-in, for one test. */
final class StandInFixture implements AutoCloseable {
    static final String TOKEN = "dop_v1_5ca1ab1e0ddba11c0ffee5eedfacade00000000000000000000000000000001";
    static final HqPublicKey HQ_KEY = new HqPublicKey(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHqStandInKeyForTestsOnly0000000000000000000 quarry@hq");
    static final DigitalOceanSettings SETTINGS = DigitalOceanSettings.of("main", "fra1",
            new AgentSource.Jar("https://hq.example.com/quarry.jar",
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));

    final ManualClock clock = new ManualClock();
    final ClockSleeper sleeper = new ClockSleeper(clock);
    final DigitalOceanStandIn standIn;
    final List<ProviderEvent> events = new ArrayList<>();
    private final List<DigitalOceanProvider> providers = new ArrayList<>();

    StandInFixture() throws Exception {
        standIn = DigitalOceanStandIn.start(TOKEN, clock);
    }

    DigitalOceanProvider provider(AgentProbe probe) throws Exception {
        return provider(probe, TOKEN);
    }

    DigitalOceanProvider provider(AgentProbe probe, String token) throws Exception {
        DigitalOceanProvider provider = new DigitalOceanProvider(SETTINGS, new Secret(token), HQ_KEY,
                LoopbackHttp.to(standIn.port()), probe, sleeper.poller(), new Random(7));
        provider.addListener(events::add);
        providers.add(provider);
        return provider;
    }

    StandInCloud cloud() {
        return standIn.cloud();
    }

    @Override
    public void close() throws IOException {
        for (DigitalOceanProvider provider : providers) {
            provider.close();
        }
        standIn.close();
    }
}
