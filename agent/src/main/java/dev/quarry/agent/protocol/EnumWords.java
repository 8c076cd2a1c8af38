package dev.quarry.agent.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes every enum as a lowercase word with dashes ({@code ON_FAILURE} is {@code on-failure}) and reads it back. */
final class EnumWords extends SimpleModule {
    @SuppressWarnings({"rawtypes", "unchecked"})
    EnumWords() {
        super("EnumWords");
        addSerializer(Enum.class, (StdScalarSerializer) new WordSerializer());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new WordDeserializer(type.getRawClass());
            }
        });
    }

    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final class WordSerializer extends StdScalarSerializer<Enum<?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        WordSerializer() {
            super((Class) Enum.class);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(word(value));
        }
    }

    private static final class WordDeserializer extends StdScalarDeserializer<Enum<?>> {
        private final Class<?> type;

        WordDeserializer(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            for (Object constant : type.getEnumConstants()) {
                if (word((Enum<?>) constant).equals(text)) {
                    return (Enum<?>) constant;
                }
            }
            String words = Arrays.stream(type.getEnumConstants()).map(constant -> word((Enum<?>) constant))
                    .collect(Collectors.joining(", "));
            throw new BadRequest(parser.currentName() + " must be one of " + words + ", got \"" + text + "\"");
        }
    }
}
