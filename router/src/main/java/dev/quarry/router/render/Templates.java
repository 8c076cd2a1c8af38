package dev.quarry.router.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Mustache templates for nginx text: nothing is HTML-escaped (nginx is not HTML), and a stack's own
 * template may not pull in partials (they would read files of the router host).
 */
final class Templates {
    private static final String ROOT = "dev/quarry/router/templates/";
    private static final Templates BUILT_IN = new Templates(new NginxMustacheFactory(true));

    private final NginxMustacheFactory factory;

    private Templates(NginxMustacheFactory factory) {
        this.factory = factory;
    }

    /** The template of this name shipped with Quarry, compiled once. */
    static Mustache builtIn(String name) {
        return BUILT_IN.factory.compile(ROOT + name);
    }

    /** A stack's own template; a syntax error or a partial throws {@link MustacheException}. */
    static Mustache ofStack(String stack, String text) {
        return new Templates(new NginxMustacheFactory(false)).factory.compile(new StringReader(text), stack + " template");
    }

    static String render(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /**
     * Renders a stack's template, stopping once it passes {@code maxChars}: sections nested in themselves
     * ({@code {{#nodes}}{{#nodes}}...}) would otherwise grow without bound.
     *
     * @throws MustacheException when it does not render or grows past the limit
     */
    static String renderBounded(Mustache template, Map<String, Object> scope, int maxChars) {
        StringWriter out = new StringWriter();
        Writer bounded = new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                if (out.getBuffer().length() + length > maxChars) {
                    throw new MustacheException("it renders to more than " + maxChars + " characters");
                }
                out.write(text, offset, length);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        template.execute(bounded, scope);
        return out.toString();
    }

    private static final class NginxMustacheFactory extends DefaultMustacheFactory {
        private final boolean partialsAllowed;

        NginxMustacheFactory(boolean partialsAllowed) {
            this.partialsAllowed = partialsAllowed;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            if (!partialsAllowed) {
                throw new MustacheException("partials such as {{> " + resourceName + "}} are not allowed in a stack's template");
            }
            return super.getReader(resourceName);
        }
    }
}
