package dev.quarry.compiler.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Renders a plan as JSON for machines, and reads it back. Deterministic: fields in declaration order. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private PlanJson() {}

    public static String render(Plan plan) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan of " + plan.stack(), e);
        }
    }

    /** Reads a plan written by {@link #render}. */
    public static Plan read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Plan.class);
    }
}
