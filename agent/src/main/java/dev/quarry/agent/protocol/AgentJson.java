package dev.quarry.agent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON dialect of the agent: enums as lowercase words ({@code on-failure}), times and durations
 * as ISO-8601 text ({@code PT1S}), nulls left out, unknown fields refused.
 */
public final class AgentJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new EnumWords())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private AgentJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One line of JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code text} as a {@code type}; a BadRequest says in one line what is wrong. */
    public static <T> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new BadRequest("expected a JSON " + type.getSimpleName() + " on stdin, got nothing");
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest(type.getSimpleName() + ": unknown field \"" + e.getPropertyName() + "\"; known fields: "
                    + e.getKnownPropertyIds());
        } catch (InvalidFormatException e) {
            throw new BadRequest(type.getSimpleName() + ": " + e.getPathReference().replaceAll("^.*\\[", "[")
                    + " cannot be " + e.getValue());
        } catch (IOException e) {
            throw new BadRequest("cannot read the " + type.getSimpleName() + ": " + causeLine(e));
        }
    }

    /** The innermost useful line: a record's own check ("host must be ...") rather than Jackson's wrapping. */
    private static String causeLine(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                || cause instanceof BadRequest
                ? cause.getMessage() : error.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
