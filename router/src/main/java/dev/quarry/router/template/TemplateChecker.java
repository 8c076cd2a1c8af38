package dev.quarry.router.template;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a stack's template against {@link DirectiveAllowlist}: each directive allowed, a block only
 * where one belongs, and {@code proxy_pass} only to the stack's own upstreams. It is checked twice: the
 * Mustache source (for its own line numbers) and the rendered text, which is what nginx gets.
 */
public final class TemplateChecker {
    /** Where a stack's template lives in its repository. */
    public static final String FILE = ".quarry/nginx.mustache";
    /** The largest template accepted: 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    private static final Pattern PROXY_TARGET = Pattern.compile("http://([a-z0-9.-]+)(/[^\\s]*)?");

    private TemplateChecker() {}

    /** The first check, of the template as written; {@code proxy_pass} targets wait for the rendered text. */
    public static TemplateVerdict checkSource(String template) {
        if (template.length() > MAX_BYTES) {
            return new TemplateVerdict.Refused(FILE + ": " + template.length() + " characters; a stack template must be"
                    + " at most " + MAX_BYTES + " bytes (64 KiB)");
        }
        return check(FILE, MustacheTags.blanked(template), Optional.empty());
    }

    /** The check that counts: the rendered text, exactly as it goes into the stack's server block. */
    public static TemplateVerdict checkRendered(String rendered, Set<String> upstreams) {
        return check(FILE + " (rendered)", rendered, Optional.of(upstreams));
    }

    private static TemplateVerdict check(String file, String text, Optional<Set<String>> upstreams) {
        var control = CONTROL.matcher(text);
        if (control.find()) {
            int line = (int) text.substring(0, control.start()).chars().filter(c -> c == '\n').count() + 1;
            return refused(file, line, String.format("control character U+%04X is not allowed", (int) control.group().charAt(0)));
        }
        List<Directive> directives;
        try {
            directives = NginxParser.parse(text);
        } catch (TemplateSyntaxException e) {
            return refused(file, e.line(), MustacheTags.restored(e.getMessage()));
        }
        Optional<String> problem = problem(file, directives, upstreams);
        return problem.<TemplateVerdict>map(TemplateVerdict.Refused::new).orElseGet(() -> new TemplateVerdict.Allowed(directives));
    }

    private static Optional<String> problem(String file, List<Directive> directives, Optional<Set<String>> upstreams) {
        for (Directive directive : directives) {
            Optional<String> problem = problem(directive, upstreams);
            if (problem.isPresent()) {
                return Optional.of(file + ":" + directive.line() + ": " + problem.get());
            }
            if (directive.block().isPresent()) {
                Optional<String> inside = problem(file, directive.block().get(), upstreams);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Directive directive, Optional<Set<String>> upstreams) {
        Token name = directive.name();
        String shown = MustacheTags.restored(name.text());
        if (name.quoted() || !PLAIN_NAME.matcher(name.text()).matches() || !DirectiveAllowlist.allows(name.text())) {
            return Optional.of("directive \"" + shown + "\" is not allowed in a stack template (allowed: "
                    + DirectiveAllowlist.listed() + ")");
        }
        boolean wantsBlock = DirectiveAllowlist.BLOCKS.contains(shown);
        if (wantsBlock != directive.block().isPresent()) {
            return Optional.of("directive \"" + shown + "\" " + (wantsBlock ? "needs a { block }" : "takes no { block }"));
        }
        if (shown.equals("proxy_pass") && upstreams.isPresent()) {
            return proxyPassProblem(directive.arguments(), upstreams.get());
        }
        return Optional.empty();
    }

    private static Optional<String> proxyPassProblem(List<Token> arguments, Set<String> upstreams) {
        String got = String.join(" ", arguments.stream().map(Token::text).toList());
        if (arguments.size() == 1 && !arguments.get(0).quoted()) {
            var target = PROXY_TARGET.matcher(arguments.get(0).text());
            if (target.matches() && upstreams.contains(target.group(1))) {
                return Optional.empty();
            }
        }
        String valid = upstreams.isEmpty() ? "none: no node of this stack has healthy containers"
                : String.join(", ", upstreams.stream().sorted().map(upstream -> "http://" + upstream).toList());
        return Optional.of("proxy_pass may only name this stack's own upstreams (" + valid + "), got \"" + got + "\"");
    }

    private static TemplateVerdict refused(String file, int line, String problem) {
        return new TemplateVerdict.Refused(file + ":" + line + ": " + problem);
    }
}
