package dev.quarry.hq.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** Records stored as JSON values: written pretty and stable, read strictly enough to catch damage. */
public final class JsonValues {
    /** Shared by the state and by commands' {@code --json} output. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonValues() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a stored record; damage is reported naming the key, never taken for an empty record. */
    public static <T> T read(StateKey key, Versioned stored, Class<T> type) {
        return read(key, stored, MAPPER.constructType(type), describe(type));
    }

    /** Reads a stored generic value, such as a map of strings. */
    public static <T> T read(StateKey key, Versioned stored, TypeReference<T> type) {
        return read(key, stored, MAPPER.constructType(type), "JSON value of that kind");
    }

    private static <T> T read(StateKey key, Versioned stored, JavaType type, String what) {
        try {
            T value = MAPPER.readValue(stored.value(), type);
            if (value == null) {
                throw new StateCorruptException(key + ": holds null, not a " + what
                        + "; restore it from a backup or delete it");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new StateCorruptException(key + ": not a valid " + what + " (" + reason
                    + "); restore it from a backup or delete it");
        }
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
