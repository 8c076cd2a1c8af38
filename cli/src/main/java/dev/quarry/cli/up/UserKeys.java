package dev.quarry.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * On HQ's first start, trusts the current user's own SSH public keys ({@code ~/.ssh/*.pub}) as
 * {@code keys/USER.pub}, so that {@code git push} works at once. Never changes keys/ once it holds a key.
 */
final class UserKeys {
    private UserKeys() {}

    /** The key files trusted now, or empty when keys/ already held keys (or the user has none). */
    static List<Path> trustOnFirstStart(Path keysFolder, Path userHome, String userName) throws IOException {
        Files.createDirectories(keysFolder);
        try (Stream<Path> existing = Files.list(keysFolder)) {
            if (existing.anyMatch(path -> path.toString().endsWith(".pub"))) {
                return List.of();
            }
        }
        List<Path> mine = publicKeys(userHome.resolve(".ssh"));
        if (mine.isEmpty()) {
            return List.of();
        }
        StringBuilder lines = new StringBuilder();
        for (Path key : mine) {
            lines.append(Files.readString(key, StandardCharsets.UTF_8).strip()).append('\n');
        }
        Path target = keysFolder.resolve(fileName(userName) + ".pub");
        Path temporary = keysFolder.resolve("." + target.getFileName() + ".tmp");
        Files.writeString(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return mine;
    }

    private static List<Path> publicKeys(Path sshFolder) throws IOException {
        if (!Files.isDirectory(sshFolder)) {
            return List.of();
        }
        List<Path> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(sshFolder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pub") && Files.isRegularFile(file)
                        && Files.readString(file, StandardCharsets.UTF_8).matches("(?s)(ssh-|ecdsa-|sk-)\\S+ \\S+.*")) {
                    keys.add(file);
                }
            }
        }
        return keys;
    }

    private static String fileName(String userName) {
        String name = userName.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.isEmpty() || name.startsWith(".") || name.startsWith("-") ? "me" : name;
    }
}
