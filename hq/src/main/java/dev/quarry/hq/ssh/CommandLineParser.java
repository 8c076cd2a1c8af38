package dev.quarry.hq.ssh;

import dev.quarry.compiler.read.Names;
import dev.quarry.hq.commands.Verbs;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the command line an SSH client sent. Pure: it decides before anything touches the disk, so
 * a hostile app name (such as {@code ../x}, {@code -x} or one with a newline) is refused unread.
 */
public final class CommandLineParser {
    static final int MAX_LENGTH = 8192;
    private static final Pattern GIT = Pattern.compile("(git-receive-pack|git-upload-pack) +(.*)", Pattern.DOTALL);
    private static final String APP_RULE = "an app name is 1 to 63 lowercase letters, digits and dashes,"
            + " not starting with a dash";

    private CommandLineParser() {}

    public static ParsedCommand parse(String commandLine) {
        if (commandLine.length() > MAX_LENGTH) {
            return new ParsedCommand.Refused("the command line is over " + MAX_LENGTH
                    + " characters; send a shorter one");
        }
        if (commandLine.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return new ParsedCommand.Refused("the command line holds control characters (such as a line break);"
                    + " send one command without them");
        }
        Matcher git = GIT.matcher(commandLine);
        if (git.matches()) {
            return gitCommand(git.group(1), git.group(2));
        }
        Optional<List<String>> words = CommandWords.split(commandLine);
        if (words.isEmpty()) {
            return new ParsedCommand.Refused("the command line has an unclosed quote; close it and try again");
        }
        if (words.get().isEmpty()) {
            return new ParsedCommand.Refused(Refusals.SHELL);
        }
        String verb = words.get().getFirst();
        if (!Verbs.NAMES.contains(verb)) {
            return new ParsedCommand.Refused("unknown command " + Refusals.printable(verb) + ": HQ runs git push and"
                    + " fetch, and " + String.join(", ", Verbs.NAMES));
        }
        return new ParsedCommand.Verb(verb, words.get().subList(1, words.get().size()));
    }

    private static ParsedCommand gitCommand(String program, String argument) {
        String path = unquote(argument.strip());
        String app = path.startsWith("/") ? path.substring(1) : path;
        app = app.endsWith(".git") ? app.substring(0, app.length() - ".git".length()) : app;
        if (!Names.isName(app)) {
            return new ParsedCommand.Refused(Refusals.printable(path) + " is not an app: " + APP_RULE);
        }
        return program.equals("git-receive-pack") ? new ParsedCommand.Push(app) : new ParsedCommand.Fetch(app);
    }

    /** {@code 'shop'} as git quotes it; anything else is taken as it is (and then fails the name rule). */
    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
