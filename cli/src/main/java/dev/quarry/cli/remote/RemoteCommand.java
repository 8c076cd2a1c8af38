package dev.quarry.cli.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs on HQ: it finds HQ and the app, sends one command line over SSH and passes
 * HQ's output and exit status through.
 */
abstract class RemoteCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Spec
    CommandSpec spec;

    /** HQ's words for this command, such as {@code [scale, shop, web=3]}. */
    abstract List<String> words(HqTarget target);

    /** What HQ reads on its standard input: nothing, except for {@code keys add} (the public key). */
    Optional<InputStream> input() {
        return Optional.empty();
    }

    @Override
    public Integer call() throws IOException {
        // What users see is HQ's output and one line of ours on failure; the SSH library stays quiet.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "off"));
        Path userHome = Path.of(System.getProperty("user.home"));
        HqTarget target = remote.target();
        String command = commandLine(words(target));
        return HqConnection.run(target, remote.identity(userHome, target), remote.knownHosts(userHome, target), command,
                input(), new WriterStream(spec.commandLine().getOut()), new WriterStream(spec.commandLine().getErr()));
    }

    static String app(HqTarget target) {
        return target.app().orElseThrow(() -> new IllegalArgumentException(
                "which app? run this in the app's repository (its git remote quarry names it) or pass --app APP"));
    }

    static List<String> with(List<String> words, boolean flag, String word) {
        List<String> all = new ArrayList<>(words);
        if (flag) {
            all.add(word);
        }
        return all;
    }

    /** Quotes each word the way HQ splits them (POSIX single quotes), so no word is split or expanded. */
    static String commandLine(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(word.matches("[A-Za-z0-9._=/:@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
