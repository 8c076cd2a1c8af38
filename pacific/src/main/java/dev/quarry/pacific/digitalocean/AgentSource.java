package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a new droplet gets the Quarry agent from: {@link Jar} downloads {@code quarry.jar} from a URL (one HQ
 * serves, or a release) and checks its SHA-256; {@link DebianPackage} installs a package from the droplet's apt
 * sources. Either way the droplet ends up with a {@code quarry} command that runs {@code quarry agent}.
 */
public sealed interface AgentSource permits AgentSource.Jar, AgentSource.DebianPackage {
    /** Debian's rule for package names. */
    Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+-]{1,99}");

    /** Packages to install besides Docker and the JDK. */
    List<String> packages();

    /** The absolute path of the {@code quarry} command once installed. */
    String command();

    /**
     * quarry.jar at a URL, checked against its SHA-256 before it is used.
     *
     * @param url an http or https URL without quotes, spaces or control characters
     * @param sha256 the jar's SHA-256 as 64 hex digits
     */
    record Jar(String url, String sha256) implements AgentSource {
        private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]+");
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Jar {
            requireNonNull(url, "url is null");
            sha256 = requireNonNull(sha256, "sha256 is null").strip().toLowerCase(Locale.ROOT);
            if (!URL.matcher(url).matches()) {
                throw new IllegalArgumentException("agent jar URL \"" + url + "\" must be an http or https URL "
                        + "without quotes or spaces");
            }
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("agent jar sha256 must be 64 hex digits (sha256sum quarry.jar)");
            }
        }

        @Override
        public List<String> packages() {
            return List.of("curl", "ca-certificates");
        }

        @Override
        public String command() {
            return "/usr/local/bin/quarry";
        }
    }

    /** A Debian package that installs {@code /usr/bin/quarry}. */
    record DebianPackage(String name) implements AgentSource {
        public DebianPackage {
            requireNonNull(name, "name is null");
            if (!PACKAGE.matcher(name).matches()) {
                throw new IllegalArgumentException("agent package \"" + name + "\" is not a Debian package name");
            }
        }

        @Override
        public List<String> packages() {
            return List.of(name);
        }

        @Override
        public String command() {
            return "/usr/bin/quarry";
        }
    }
}
