package dev.quarry.hq.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a command line into words as a POSIX shell would quote them, with nothing expanded:
 * blanks separate words, {@code '...'} is literal, {@code "..."} allows {@code \"} and {@code \\},
 * and {@code \} outside quotes escapes the next character.
 */
final class CommandWords {
    private final String line;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int position;

    private CommandWords(String line) {
        this.line = line;
    }

    /** The words, or empty when a quote is not closed. */
    static Optional<List<String>> split(String line) {
        return new CommandWords(line).words();
    }

    private Optional<List<String>> words() {
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == ' ' || c == '\t') {
                endWord();
            } else if (!wordCharacter(c)) {
                return Optional.empty();
            }
        }
        endWord();
        return Optional.of(words);
    }

    /** Adds {@code c} (and what it quotes) to the current word; false when a quote is never closed. */
    private boolean wordCharacter(char c) {
        inWord = true;
        if (c == '\'') {
            return quoted('\'', "");
        } else if (c == '"') {
            return quoted('"', "\"\\$`");
        } else if (c == '\\' && position < line.length()) {
            word.append(line.charAt(position++));
        } else {
            word.append(c);
        }
        return true;
    }

    /** Reads up to the closing {@code quote}; a backslash escapes the characters in {@code escapable}. */
    private boolean quoted(char quote, String escapable) {
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == quote) {
                return true;
            }
            if (c == '\\' && position < line.length() && escapable.indexOf(line.charAt(position)) >= 0) {
                c = line.charAt(position++);
            }
            word.append(c);
        }
        return false;
    }

    private void endWord() {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
        }
    }
}
