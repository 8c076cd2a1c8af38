package dev.quarry.router.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mustache template made readable as nginx text, line for line, for a first check with the
 * template's own line numbers: section, comment and delimiter tags become spaces; a value tag such as
 * {@code {{upstream}}} stays one word (its braces swapped for private-use characters, swapped back in
 * messages). The rendered text is checked again, so nothing relies on this being exact.
 */
final class MustacheTags {
    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{?)(.*?)}}(}?)", Pattern.DOTALL);
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private MustacheTags() {}

    static String blanked(String template) {
        Matcher matcher = TAG.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (matcher.find()) {
            String tag = matcher.group();
            String inside = matcher.group(2).strip();
            boolean structure = matcher.group(1).isEmpty() && !inside.isEmpty() && "#^/!=>".indexOf(inside.charAt(0)) >= 0;
            String replaced = structure ? tag.replaceAll("[^\\n]", " ") : tag.replace('{', OPEN).replace('}', CLOSE);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Text as the template wrote it, for messages. */
    static String restored(String text) {
        return text.replace(OPEN, '{').replace(CLOSE, '}');
    }
}
