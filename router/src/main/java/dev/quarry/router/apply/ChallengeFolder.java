package dev.quarry.router.apply;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ACME HTTP-01 answers, kept as the files {@code acme-challenge/TOKEN} under the router's folder and
 * rendered into each generation's {@code acme.map}: nginx answers {@code /.well-known/acme-challenge/TOKEN}
 * from memory for every domain, over plain HTTP, before anything is proxied or redirected (its workers
 * read no file, so the router's folder may stay private).
 */
final class ChallengeFolder {
    /** RFC 8555 tokens are base64url (43 characters at Let's Encrypt and pebble); nothing else is written. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern ANSWER = Pattern.compile("[A-Za-z0-9_-]{16,64}\\.[A-Za-z0-9_-]{16,128}");

    private final Path folder;

    ChallengeFolder(Path folder) {
        this.folder = folder;
    }

    void put(String token, String keyAuthorization) throws IOException {
        if (!ANSWER.matcher(keyAuthorization).matches()) {
            throw new IllegalArgumentException("an ACME key authorization is TOKEN.THUMBPRINT in base64url");
        }
        AtomicFiles.write(file(token), keyAuthorization.getBytes(StandardCharsets.US_ASCII));
    }

    void remove(String token) throws IOException {
        Files.deleteIfExists(file(token));
    }

    /** Every answer kept, by token; files that are not a token and its answer are left out. */
    Map<String, String> answers() throws IOException {
        Map<String, String> answers = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return answers;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                String token = file.getFileName().toString();
                if (TOKEN.matcher(token).matches() && Files.size(file) < 1024) {
                    String answer = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    if (ANSWER.matcher(answer).matches()) {
                        answers.put(token, answer);
                    }
                }
            }
        }
        return answers;
    }

    private Path file(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("an ACME token is 16 to 64 base64url characters, got \"" + token + "\"");
        }
        return folder.resolve(token);
    }
}
