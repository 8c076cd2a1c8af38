package dev.quarry.hq.access;

import java.util.List;

/**
 * How a hint names a command, in the syntax of the tool the caller used: {@code ssh quarry@HQ access grant
 * bob hello} over plain SSH (and git), {@code quarry access grant bob hello} through the quarry CLI.
 */
public enum HintSyntax {
    SSH("ssh quarry@HQ "),
    CLI("quarry ");

    /** How the quarry CLI names itself in its SSH identification ({@code SSH-2.0-QuarryCLI}). */
    public static final String CLI_IDENTIFICATION = "QuarryCLI";

    private final String prefix;

    HintSyntax(String prefix) {
        this.prefix = prefix;
    }

    /** The syntax of the client whose SSH identification string is {@code clientVersion}. */
    public static HintSyntax ofClient(String clientVersion) {
        return clientVersion != null && clientVersion.startsWith("SSH-2.0-" + CLI_IDENTIFICATION) ? CLI : SSH;
    }

    /**
     * The command line that runs {@code verb} on {@code app}: {@code ssh quarry@HQ config shop set KEY=VALUE}
     * over SSH; {@code quarry config set KEY=VALUE --app shop} through the quarry CLI, which takes the app from
     * the git remote or {@code --app} rather than as a word.
     */
    public String onApp(String verb, String app, String rest) {
        String tail = rest.isEmpty() ? "" : " " + rest;
        return this == CLI ? prefix + verb + tail + " --app " + app : prefix + verb + " " + app + tail;
    }

    /** The command line that runs {@code words} on HQ. */
    public String command(List<String> words) {
        return prefix + String.join(" ", words);
    }
}
