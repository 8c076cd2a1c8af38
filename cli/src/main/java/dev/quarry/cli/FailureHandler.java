package dev.quarry.cli;

import dev.quarry.agent.runtime.RuntimeFailure;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit status 1 (2 when the input
 * was invalid): a user never sees a stack trace unless QUARRY_DEBUG is set.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String message = RuntimeFailure.firstLine(exception, "the debug output (QUARRY_DEBUG=1)");
        commandLine.getErr().println("quarry " + commandLine.getCommandName() + ": " + message);
        if (System.getenv("QUARRY_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return exception instanceof IllegalArgumentException ? ExitCodes.INVALID_INPUT : ExitCodes.FAILURE;
    }
}
