package dev.quarry.router.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads nginx configuration text one statement at a time, the way nginx's own {@code ngx_conf_read_token}
 * does: words end at whitespace, {@code ;} or {@code {}; a {@code }} inside a word is part of it; quotes
 * and backslashes escape; {@code ${name}} is one word; {@code #} at the start of a word comments to the end
 * of the line. Following nginx exactly matters: a checker that split words differently could be shown one
 * configuration while nginx loads another.
 */
final class NginxTokenizer {
    /** How a statement ended. */
    enum End { SEMICOLON, BLOCK_START, BLOCK_END, END_OF_TEXT }

    /** The words of one statement and what ended it. */
    record Statement(List<Token> words, End end, int line) {}

    private final String text;
    private int position;
    private int line = 1;

    NginxTokenizer(String text) {
        this.text = text;
    }

    Statement next() throws TemplateSyntaxException {
        List<Token> words = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (position >= text.length()) {
                if (!words.isEmpty()) {
                    throw new TemplateSyntaxException(line, "unexpected end of text, expecting \";\" or \"}\"");
                }
                return new Statement(words, End.END_OF_TEXT, line);
            }
            char c = text.charAt(position);
            if (c == ';' || c == '{') {
                position++;
                if (words.isEmpty()) {
                    throw new TemplateSyntaxException(line, "unexpected \"" + c + "\"");
                }
                return new Statement(words, c == ';' ? End.SEMICOLON : End.BLOCK_START, words.get(0).line());
            }
            if (c == '}') {
                position++;
                if (!words.isEmpty()) {
                    throw new TemplateSyntaxException(line, "unexpected \"}\"");
                }
                return new Statement(words, End.BLOCK_END, line);
            }
            words.add(c == '"' || c == '\'' ? quoted(c) : word());
        }
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '#') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (isSpace(c)) {
                step();
            } else {
                return;
            }
        }
    }

    /** A quoted word; after its closing quote nginx wants a space, {@code ;}, {@code {} or {@code )}. */
    private Token quoted(char quote) throws TemplateSyntaxException {
        int startLine = line;
        int start = ++position;
        while (true) {
            if (position >= text.length()) {
                throw new TemplateSyntaxException(startLine, "unclosed " + (quote == '"' ? "double" : "single") + " quote");
            }
            char c = text.charAt(position);
            if (c == '\\' && position + 1 < text.length()) {
                step();
            } else if (c == quote) {
                break;
            }
            step();
        }
        Token token = new Token(unescape(text.substring(start, position)), true, startLine);
        position++;
        if (position < text.length()) {
            char after = text.charAt(position);
            if (!isSpace(after) && after != ';' && after != '{' && after != ')') {
                throw new TemplateSyntaxException(line, "unexpected \"" + after + "\" after a quoted word");
            }
        }
        return token;
    }

    /** An unquoted word: up to whitespace, {@code ;} or {@code {} (except the brace of {@code ${}). */
    private Token word() {
        int startLine = line;
        int start = position;
        boolean escaped = false;
        boolean variable = false;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\') {
                escaped = true;
                variable = false;
                step();
                if (position < text.length()) {
                    step();
                }
                continue;
            }
            if (c == '{' && variable) {
                position++;
                continue;
            }
            if (isSpace(c) || c == ';' || c == '{') {
                break;
            }
            variable = c == '$';
            position++;
        }
        return new Token(unescape(text.substring(start, position)), escaped, startLine);
    }

    private void step() {
        if (text.charAt(position) == '\n') {
            line++;
        }
        position++;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** As nginx: backslash before a quote or backslash drops, before t, r or n becomes that control character. */
    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (c == '\\' && (next == '"' || next == '\'' || next == '\\')) {
                out.append(next);
                i++;
            } else if (c == '\\' && (next == 't' || next == 'r' || next == 'n')) {
                out.append(next == 't' ? '\t' : next == 'r' ? '\r' : '\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
