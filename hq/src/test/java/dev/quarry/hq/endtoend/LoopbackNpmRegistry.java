package dev.quarry.hq.endtoend;

import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.LoopbackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An npm registry on loopback holding one package, made here ({@code tar} of a {@code package/} folder) and served
 * as the registry does: {@code GET /NAME} the packument, {@code GET /NAME/-/NAME-VERSION.tgz} the tarball, with
 * its shasum and integrity. Builds pushed in tests install from it ({@code registry=} in the app's
 * {@code .npmrc}), so no test reaches registry.npmjs.org.
 */
final class LoopbackNpmRegistry implements AutoCloseable {
    private final LoopbackFiles files;

    private LoopbackNpmRegistry(LoopbackFiles files) {
        this.files = files;
    }

    /** Serves package {@code name}@{@code version} whose {@code index.js} is {@code source}, from {@code folder}. */
    static LoopbackNpmRegistry serving(Path folder, String name, String version, String source) {
        try {
            Path unpacked = Files.createDirectories(folder.resolve("unpacked/package"));
            Files.writeString(unpacked.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \""
                    + version + "\", \"main\": \"index.js\"}\n");
            Files.writeString(unpacked.resolve("index.js"), source);
            Path served = Files.createDirectories(folder.resolve("served"));
            Path tarball = Files.createDirectories(served.resolve(name).resolve("-"))
                    .resolve(name + "-" + version + ".tgz");
            Commands.run(List.of("tar", "-czf", tarball.toString(), "-C", unpacked.getParent().toString(), "package"),
                    folder, Map.of()).requireSuccess();
            LoopbackFiles files = LoopbackFiles.serve(served);
            byte[] bytes = Files.readAllBytes(tarball);
            String packument = """
                    {"name": "%1$s", "dist-tags": {"latest": "%2$s"}, "versions": {"%2$s": {"name": "%1$s",
                     "version": "%2$s", "main": "index.js", "dist": {"tarball": "%3$s%1$s/-/%1$s-%2$s.tgz",
                     "shasum": "%4$s", "integrity": "sha512-%5$s"}}}}
                    """.formatted(name, version, files.url(), HexFormat.of().formatHex(digest("SHA-1", bytes)),
                    Base64.getEncoder().encodeToString(digest("SHA-512", bytes)));
            Files.writeString(served.resolve(name).resolve(LoopbackFiles.INDEX), packument);
            return new LoopbackNpmRegistry(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/} */
    String url() {
        return files.url();
    }

    /** The paths asked for so far. */
    List<String> asked() {
        return files.asked();
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        files.close();
    }
}
