package dev.quarry.compiler.read;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names, by edit distance. */
final class Suggest {
    private Suggest() {}

    static String unknownKey(String key, Collection<String> known) {
        String valid = "valid keys: " + String.join(", ", known.stream().sorted().toList());
        return closest(key, known)
                .map(best -> "unknown key \"" + key + "\"; did you mean \"" + best + "\"? (" + valid + ")")
                .orElse("unknown key \"" + key + "\" (" + valid + ")");
    }

    /** The known word closest to {@code word}, when it is close enough to be a likely typo. */
    static Optional<String> closest(String word, Collection<String> known) {
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return known.stream()
                .filter(candidate -> distance(word.toLowerCase(), candidate.toLowerCase()) <= allowed
                        || candidate.length() >= 3 && word.toLowerCase().startsWith(candidate.toLowerCase()))
                .min(Comparator.comparingInt((String candidate) -> distance(word, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
