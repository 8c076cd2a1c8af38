package dev.quarry.cli;

import picocli.CommandLine;

/** Entry point of the quarry command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new QuarryCommand());
        for (Class<?> verb : QuarryCommand.REMOTE_VERBS) {
            commandLine.addSubcommand(verb);
        }
        commandLine.addSubcommand(new picocli.AutoComplete.GenerateCompletion());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }
}
