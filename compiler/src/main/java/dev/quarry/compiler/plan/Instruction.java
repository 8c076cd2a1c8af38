package dev.quarry.compiler.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** One step of a plan. In JSON each step carries its {@code op}: ENSURE, DEPLOY, SCALE, ROUTE or KILL. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Instruction.Ensure.class, name = "ENSURE"),
    @JsonSubTypes.Type(value = Instruction.Deploy.class, name = "DEPLOY"),
    @JsonSubTypes.Type(value = Instruction.Scale.class, name = "SCALE"),
    @JsonSubTypes.Type(value = Instruction.Route.class, name = "ROUTE"),
    @JsonSubTypes.Type(value = Instruction.Kill.class, name = "KILL")
})
public sealed interface Instruction {

    String stack();

    /** The service or node it acts on. */
    String name();

    @JsonIgnore
    default String op() {
        return getClass().getAnnotation(Op.class).value();
    }

    /** {@code stack/name}, as instructions are written. */
    @JsonIgnore
    default String target() {
        return stack() + "/" + name();
    }

    /** What follows the target in the text form, such as {@code release=3 scale=2}. */
    @JsonIgnore
    String details();

    /** Boot the service unless one with the same spec hash already runs. */
    @Op("ENSURE")
    record Ensure(String stack, String name, String hash) implements Instruction {
        public Ensure {
            check(stack, name);
            Objects.requireNonNull(hash, "hash is null");
        }

        @Override
        public String details() {
            return "hash=" + hash;
        }
    }

    /** Boot {@code scale} new containers of the release, wait until healthy, switch routes, stop the old ones. */
    @Op("DEPLOY")
    record Deploy(String stack, String name, int release, int scale) implements Instruction {
        public Deploy {
            check(stack, name);
        }

        @Override
        public String details() {
            return "release=" + release + " scale=" + scale;
        }
    }

    /** Add or remove containers of the current release until {@code scale} run. */
    @Op("SCALE")
    record Scale(String stack, String name, int scale) implements Instruction {
        public Scale {
            check(stack, name);
        }

        @Override
        public String details() {
            return Integer.toString(scale);
        }
    }

    /** Send these domains to the node's healthy containers, and stop routing the removed ones. */
    @Op("ROUTE")
    record Route(String stack, String name, List<String> domains, List<String> removed) implements Instruction {
        public Route {
            check(stack, name);
            domains = List.copyOf(domains);
            removed = List.copyOf(removed);
        }

        @Override
        public String details() {
            String text = "domains=[" + String.join(", ", domains) + "]";
            return removed.isEmpty() ? text : text + " removed=[" + String.join(", ", removed) + "]";
        }
    }

    /** Stop a node or service that left quarry.yml, free its slices and drop its routes. */
    @Op("KILL")
    record Kill(String stack, String name, Kind kind) implements Instruction {
        /** What is killed. */
        public enum Kind { SERVICE, NODE }

        public Kill {
            check(stack, name);
            Objects.requireNonNull(kind, "kind is null");
        }

        @Override
        public String details() {
            return kind == Kind.SERVICE ? "service" : "node";
        }
    }

    private static void check(String stack, String name) {
        Objects.requireNonNull(stack, "stack is null");
        Objects.requireNonNull(name, "name is null");
    }
}
