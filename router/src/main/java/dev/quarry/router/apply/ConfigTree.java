package dev.quarry.router.apply;

import dev.quarry.files.AtomicFiles;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.render.MainConfigRenderer;
import dev.quarry.router.render.RenderedStack;
import dev.quarry.router.template.TemplateChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The router's folder: {@code live -> generations/N}, each generation a whole configuration
 * ({@code nginx.conf}, {@code stacks/STACK.map}, {@code stacks/STACK.conf}), plus logs and temp. A
 * generation is never changed once written; a change is a new generation that links the unchanged
 * stack files of the live one.
 */
final class ConfigTree {
    /** Beside a stack's .map and .conf: the template its .conf was rendered from (nginx does not read it). */
    static final String TEMPLATE = ".template";
    /** ACME HTTP-01 answers, one file per token, served at /.well-known/acme-challenge/TOKEN for every domain. */
    static final String CHALLENGES = "acme-challenge";

    private final Path prefix;

    ConfigTree(Path prefix) throws IOException {
        this.prefix = prefix.toAbsolutePath().normalize();
        for (String folder : List.of("generations", "logs", "temp", CHALLENGES)) {
            Files.createDirectories(this.prefix.resolve(folder));
        }
    }

    Path prefix() {
        return prefix;
    }

    Path liveLink() {
        return prefix.resolve("live");
    }

    Optional<Generation> live() throws IOException {
        if (!Files.isSymbolicLink(liveLink())) {
            return Optional.empty();
        }
        Path target = prefix.resolve(Files.readSymbolicLink(liveLink())).normalize();
        return Optional.of(new Generation(Long.parseLong(target.getFileName().toString()), target));
    }

    /** The domains each live stack routes, read back from its map file. */
    Map<String, List<String>> liveDomains() throws IOException {
        Map<String, List<String>> domains = new TreeMap<>();
        Optional<Generation> live = live();
        if (live.isEmpty()) {
            return domains;
        }
        for (Path map : stackFiles(live.get(), ".map")) {
            String stack = map.getFileName().toString().replaceFirst("\\.map$", "");
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(map)) {
                if (!line.isBlank()) {
                    names.add(line.substring(0, line.indexOf(' ')));
                }
            }
            domains.put(stack, names);
        }
        return domains;
    }

    /** The template the live configuration of {@code stack} was rendered from, if it has one. */
    Optional<String> liveTemplate(String stack) throws IOException {
        Optional<Generation> live = live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Path file = live.get().folder().resolve("stacks").resolve(stack + TEMPLATE);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (var in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new String(in.readNBytes(TemplateChecker.MAX_BYTES), StandardCharsets.UTF_8));
        }
    }

    /** A new generation: the live stacks, with {@code changed} replaced or added and {@code removed} left out. */
    Generation stage(List<RenderedStack> changed, List<String> removed, RouterSettings settings,
            Map<String, List<String>> allDomains) throws IOException {
        return stage(changed, removed, settings, allDomains, CertificateChange.NONE);
    }

    /** As {@link #stage(List, List, RouterSettings, Map)}, with certificates added, replaced or dropped. */
    Generation stage(List<RenderedStack> changed, List<String> removed, RouterSettings settings,
            Map<String, List<String>> allDomains, CertificateChange certificates) throws IOException {
        long number = nextNumber();
        Generation next = new Generation(number, prefix.resolve("generations").resolve(String.format("%08d", number)));
        Path stacks = Files.createDirectories(next.folder().resolve("stacks"));
        List<String> replaced = new ArrayList<>(removed);
        changed.forEach(stack -> replaced.add(stack.stack()));
        Optional<Generation> live = live();
        if (live.isPresent()) {
            for (Path file : stackFiles(live.get(), "")) {
                String name = file.getFileName().toString();
                if (!replaced.contains(name.substring(0, name.lastIndexOf('.')))) {
                    Files.createLink(stacks.resolve(name), file);
                }
            }
        }
        for (RenderedStack stack : changed) {
            AtomicFiles.writeNew(stacks.resolve(stack.stack() + ".map"), stack.map().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.writeNew(stacks.resolve(stack.stack() + ".conf"), stack.conf().getBytes(StandardCharsets.UTF_8));
            if (stack.template().isPresent()) {
                AtomicFiles.writeNew(stacks.resolve(stack.stack() + TEMPLATE),
                        stack.template().get().getBytes(StandardCharsets.UTF_8));
            }
            if (stack.body().isPresent()) {
                AtomicFiles.writeNew(stacks.resolve(stack.stack() + HttpsFiles.BODY),
                        stack.body().get().getBytes(StandardCharsets.UTF_8));
            }
            AtomicFiles.writeNew(stacks.resolve(stack.stack() + HttpsFiles.MODE),
                    (stack.https().word() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HttpsFiles.stageCertificates(live, next, certificates);
        HttpsFiles.render(next, settings, allDomains, challenges());
        int count = allDomains.values().stream().mapToInt(List::size).sum();
        int longest = allDomains.values().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0);
        AtomicFiles.writeNew(next.mainConfig(),
                MainConfigRenderer.render(settings, prefix.toString(), next.number(), count, longest)
                        .getBytes(StandardCharsets.UTF_8));
        AtomicFiles.syncFolder(stacks);
        AtomicFiles.syncFolder(next.folder());
        return next;
    }

    /** The domains the live generation has a certificate for. */
    java.util.Set<String> liveCertifiedDomains() throws IOException {
        Optional<Generation> live = live();
        return live.isEmpty() ? new java.util.TreeSet<>() : HttpsFiles.certifiedDomains(live.get());
    }

    ChallengeFolder challenges() {
        return new ChallengeFolder(prefix.resolve(CHALLENGES));
    }

    void makeLive(Generation generation) throws IOException {
        AtomicFiles.replaceSymlink(liveLink(), prefix.relativize(generation.folder()));
    }

    void discard(Generation generation) throws IOException {
        deleteTree(generation.folder());
    }

    /** Removes every generation but the live one and the one before it (kept to look back at). */
    void prune() throws IOException {
        Optional<Generation> live = live();
        if (live.isEmpty()) {
            return;
        }
        long liveNumber = live.get().number();
        List<Long> numbers = generationNumbers();
        long previous = numbers.stream().filter(number -> number < liveNumber).mapToLong(Long::longValue).max().orElse(-1);
        for (long number : numbers) {
            if (number != liveNumber && number != previous) {
                deleteTree(prefix.resolve("generations").resolve(String.format("%08d", number)));
            }
        }
    }

    private long nextNumber() throws IOException {
        return generationNumbers().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    private List<Long> generationNumbers() throws IOException {
        try (Stream<Path> list = Files.list(prefix.resolve("generations"))) {
            return list.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d{8}"))
                    .map(Long::parseLong).toList();
        }
    }

    private static List<Path> stackFiles(Generation generation, String suffix) throws IOException {
        Path stacks = generation.folder().resolve("stacks");
        if (!Files.isDirectory(stacks)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(stacks)) {
            return list.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
