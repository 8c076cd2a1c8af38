package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/** Names new droplets {@code quarry-<grid>-<six random letters and digits>}, such as {@code quarry-main-k3v9qa}. */
final class DropletNames {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 6;

    private final String grid;
    private final RandomGenerator random;

    DropletNames(String grid, RandomGenerator random) {
        this.grid = requireNonNull(grid, "grid is null");
        this.random = requireNonNull(random, "random is null");
    }

    String next() {
        StringBuilder name = new StringBuilder("quarry-").append(grid).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
