package dev.quarry.router.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words and blocks split as nginx's own reader splits them. */
class NginxParserTest {
    @Test
    void splitsWordsAsNginxDoes() throws Exception {
        List<Directive> directives = NginxParser.parse("""
                # a comment; root /;
                add_header  "X-A b" 'c;d' e#f;
                return 200 ${uri}x};
                rewrite ^/a\\ b /c;
                location = /x { return 204; }
                """);

        assertEquals(List.of("add_header", "return", "rewrite", "location"),
                directives.stream().map(directive -> directive.name().text()).toList());
        assertEquals(List.of("X-A b", "c;d", "e#f"), words(directives.get(0)));
        assertEquals(List.of("200", "${uri}x}"), words(directives.get(1)));
        assertEquals(List.of("^/a\\ b", "/c"), words(directives.get(2)));
        assertEquals(5, directives.get(3).line());
        assertEquals("return", directives.get(3).block().orElseThrow().get(0).name().text());
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        String deep = "location / {".repeat(NginxParser.MAX_DEPTH) + "}".repeat(NginxParser.MAX_DEPTH);

        TemplateSyntaxException refused = org.junit.jupiter.api.Assertions.assertThrows(TemplateSyntaxException.class,
                () -> NginxParser.parse(deep));
        assertEquals("blocks nested more than 8 deep", refused.getMessage());
    }

    private static List<String> words(Directive directive) {
        return directive.arguments().stream().map(Token::text).toList();
    }
}
