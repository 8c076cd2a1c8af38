package dev.quarry.cli.build;

import dev.quarry.cli.ExitCodes;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.plan.Compiler;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanJson;
import dev.quarry.compiler.plan.PlanText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry build [DIR] [--json]}: compiles DIR/quarry.yml as release 1 of a new stack and prints the plan. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Compile DIR/quarry.yml as release 1 of a new stack and print the plan; runs nothing.")
public final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the stack's folder (default: the current one)")
    Path directory = Path.of("");

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = directory.resolve(QuarryFile.NAME);
        String shownName = file.normalize().toString();
        if (!Files.isRegularFile(file)) {
            Path yaml = directory.resolve("quarry.yaml");
            err.println(shownName + ": not found; a stack keeps its quarry.yml in its root folder"
                    + (Files.isRegularFile(yaml) ? " (rename quarry.yaml to quarry.yml)" : ""));
            return ExitCodes.INVALID_INPUT;
        }
        byte[] bytes = QuarryFileReading.read(file);
        ParseResult result = QuarryFile.parse(shownName, bytes, QuarryFileReading.defaultName(directory));
        return switch (result) {
            case ParseResult.Invalid invalid -> {
                err.print(invalid.report());
                err.flush();
                yield ExitCodes.INVALID_INPUT;
            }
            case ParseResult.Parsed parsed -> {
                Plan plan = Compiler.compile(Optional.empty(), parsed.spec(), 1, "");
                out.print(json ? PlanJson.render(plan) : PlanText.render(plan));
                out.flush();
                yield ExitCodes.OK;
            }
        };
    }
}
