package dev.quarry.cli.build;

import dev.quarry.cli.ExitCodes;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.plan.Compiler;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanJson;
import dev.quarry.compiler.plan.PlanText;
import dev.quarry.compiler.procfile.Derivation;
import dev.quarry.compiler.procfile.Procfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quarry build [DIR] [--json]}: compiles DIR/quarry.yml as release 1 of a new stack and prints the plan;
 * without a quarry.yml, the quarry.yml DIR/Procfile stands for first.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Compile DIR/quarry.yml (or, without one, DIR/Procfile) as release 1 of a new stack and print"
                + " the plan; runs nothing.")
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
        Path procfile = directory.resolve(Procfile.NAME);
        if (!Files.isRegularFile(file) && Files.isRegularFile(procfile)) {
            return fromProcfile(procfile, out, err);
        }
        if (!Files.isRegularFile(file)) {
            Path yaml = directory.resolve("quarry.yaml");
            err.println(shownName + ": not found; a stack keeps its quarry.yml in its root folder"
                    + (Files.isRegularFile(yaml) ? " (rename quarry.yaml to quarry.yml)" : ""));
            return ExitCodes.INVALID_INPUT;
        }
        byte[] bytes = QuarryFileReading.read(file);
        return print(QuarryFile.parse(shownName, bytes, QuarryFileReading.defaultName(directory)), out, err);
    }

    /** Without a quarry.yml: what the Procfile stands for (web on APP.localhost, as a default HQ routes it), then its plan. */
    private Integer fromProcfile(Path procfile, PrintWriter out, PrintWriter err) throws IOException {
        String app = QuarryFileReading.defaultName(directory);
        Derivation derivation = Procfile.derive(procfile.normalize().toString(), Files.readAllBytes(procfile), app,
                "localhost");
        if (derivation instanceof Derivation.Invalid invalid) {
            invalid.problems().forEach(err::println);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        Derivation.Derived derived = (Derivation.Derived) derivation;
        (json ? err : out).println("no quarry.yml: " + derived.summary() + "; as a quarry.yml:");
        (json ? err : out).print(derived.quarryFile().lines().map(line -> "  " + line + "\n")
                .collect(java.util.stream.Collectors.joining()));
        (json ? err : out).flush();
        return print(QuarryFile.parse(QuarryFile.NAME, derived.quarryFile().getBytes(StandardCharsets.UTF_8), app),
                out, err);
    }

    private Integer print(ParseResult result, PrintWriter out, PrintWriter err) {
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
