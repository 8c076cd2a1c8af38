package dev.quarry.hq.build;

/**
 * A built release HQ keeps to ship to servers: {@code stacks/APP/build/artifacts/KEY.tar}.
 *
 * @param key the build key (what went into the build)
 * @param release the release whose build made it
 * @param sha256 the SHA-256 of the tar file (what came out), which a server receiving it checks
 * @param bytes the tar file's size
 */
public record StoredBuild(String key, int release, String sha256, long bytes) {
    public StoredBuild {
        if (key == null || !key.matches("[0-9a-f]{64}") || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a stored build's key and SHA-256 are 64 lowercase hex digits, got "
                    + key + " and " + sha256);
        }
        if (release < 1 || bytes < 0) {
            throw new IllegalArgumentException("a stored build's release is 1 or more and its size 0 or more, got "
                    + release + " and " + bytes);
        }
    }

    /** The line of its record file: {@code RELEASE SHA256 BYTES}. */
    String recordLine() {
        return release + " " + sha256 + " " + bytes + "\n";
    }

    static StoredBuild parse(String key, String line) {
        String[] words = line.strip().split(" ");
        if (words.length != 3 || !words[0].matches("[1-9][0-9]{0,8}") || !words[2].matches("[0-9]{1,19}")) {
            throw new IllegalArgumentException("not a stored build record: " + line.strip());
        }
        return new StoredBuild(key, Integer.parseInt(words[0]), words[1], Long.parseLong(words[2]));
    }
}
