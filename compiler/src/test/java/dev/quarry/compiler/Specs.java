package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import dev.quarry.compiler.spec.StackSpec;
import java.nio.charset.StandardCharsets;

/** Parses test YAML that must be valid. */
final class Specs {
    private Specs() {}

    static StackSpec parse(String yaml) {
        return switch (QuarryFile.parse("quarry.yml", yaml.getBytes(StandardCharsets.UTF_8), "shop")) {
            case ParseResult.Parsed parsed -> parsed.spec();
            case ParseResult.Invalid invalid -> fail("expected a valid quarry.yml, got:\n" + invalid.report());
        };
    }

    static ParseResult.Invalid invalid(String yaml) {
        return invalid(yaml.getBytes(StandardCharsets.UTF_8));
    }

    static ParseResult.Invalid invalid(byte[] bytes) {
        return switch (QuarryFile.parse("quarry.yml", bytes, "shop")) {
            case ParseResult.Parsed parsed -> fail("expected problems, but it parsed: " + parsed.spec());
            case ParseResult.Invalid invalid -> invalid;
        };
    }
}
