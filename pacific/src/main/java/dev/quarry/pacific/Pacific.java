package dev.quarry.pacific;

import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.digitalocean.DigitalOceanProvider;
import dev.quarry.pacific.digitalocean.DigitalOceanSettingsFile;
import dev.quarry.pacific.local.LocalProvider;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.CloudProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place HQ gets its cloud provider from: DigitalOcean when the home has its settings, local otherwise. */
public final class Pacific {
    private Pacific() {}

    /**
     * {@link DigitalOceanProvider} when {@code etc/cloud/digitalocean.json} exists under {@code home} (its token in
     * {@code etc/cloud/digitalocean-token}), else {@link LocalProvider}.
     */
    public static CloudProvider provider(Path home, HqPublicKey hqKey) throws CloudFailure {
        if (Files.exists(DigitalOceanSettingsFile.settingsFile(home))) {
            return DigitalOceanProvider.fromHome(home, hqKey);
        }
        return LocalProvider.atHome(home, hqKey);
    }
}
