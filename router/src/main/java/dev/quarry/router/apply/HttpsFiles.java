package dev.quarry.router.apply;

import dev.quarry.files.AtomicFiles;
import dev.quarry.router.model.HttpsMode;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.TlsCertificate;
import dev.quarry.router.render.HttpsRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The certificates of a generation ({@code certs/DOMAIN.crt}, {@code certs/DOMAIN.key} mode 0600 in a
 * 0700 folder; unchanged ones hard-linked from the live generation) and, with an HTTPS address, the
 * {@code https.conf}, {@code redirect.map} and {@code acme.map} rendered from them and the generation's stacks.
 */
final class HttpsFiles {
    static final String CERTIFICATE = ".crt";
    static final String KEY = ".key";
    /** Beside a stack's .map and .conf: {@code redirect} or {@code both} (nginx does not read it). */
    static final String MODE = ".https";
    /** Beside a stack's .map and .conf, with its own template: the inside of its server block. */
    static final String BODY = ".body";

    private HttpsFiles() {}

    /** Writes the certificates of {@code next}: the live ones not changed, then the changed ones. */
    static void stageCertificates(Optional<Generation> live, Generation next, CertificateChange change) throws IOException {
        Path certificates = next.folder().resolve("certs");
        AtomicFiles.createSecretFolder(certificates);
        if (live.isPresent()) {
            for (String domain : certifiedDomains(live.get())) {
                if (!change.touches(domain)) {
                    String file = TlsCertificate.fileName(domain);
                    Path from = live.get().folder().resolve("certs");
                    Files.createLink(certificates.resolve(file + CERTIFICATE), from.resolve(file + CERTIFICATE));
                    Files.createLink(certificates.resolve(file + KEY), from.resolve(file + KEY));
                }
            }
        }
        for (TlsCertificate certificate : change.put()) {
            String file = TlsCertificate.fileName(certificate.domain());
            AtomicFiles.writeNew(certificates.resolve(file + CERTIFICATE), certificate.chainPem().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.writeSecret(certificates.resolve(file + KEY), certificate.keyPem().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.syncFolder(certificates);
    }

    /** With an HTTPS address: {@code https.conf} and {@code redirect.map} of the staged generation. */
    static void render(Generation next, RouterSettings settings, Map<String, List<String>> domainsByStack,
            ChallengeFolder challenges) throws IOException {
        if (settings.https().isEmpty()) {
            return;
        }
        Set<String> certified = certifiedDomains(next);
        Set<String> unrouted = new TreeSet<>(certified);
        List<HttpsRenderer.Site> sites = new ArrayList<>();
        List<HttpsRenderer.Site> redirects = new ArrayList<>();
        for (Map.Entry<String, List<String>> stack : domainsByStack.entrySet()) {
            boolean redirect = mode(next, stack.getKey()) == HttpsMode.REDIRECT;
            boolean body = Files.isRegularFile(next.folder().resolve("stacks").resolve(stack.getKey() + BODY));
            for (String domain : stack.getValue()) {
                if (unrouted.remove(domain)) {
                    sites.add(new HttpsRenderer.Site(domain, body ? Optional.of(stack.getKey()) : Optional.empty(), redirect));
                } else if (covered(domain, certified)) {
                    redirects.add(new HttpsRenderer.Site(domain, Optional.empty(), redirect));
                }
            }
        }
        unrouted.forEach(domain -> sites.add(new HttpsRenderer.Site(domain, Optional.empty(), false)));
        redirects.addAll(sites);
        AtomicFiles.writeNew(next.folder().resolve("https.conf"),
                HttpsRenderer.servers(settings, sites).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeNew(next.folder().resolve("acme.map"),
                HttpsRenderer.challengeAnswers(challenges.answers()).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeNew(next.folder().resolve("redirect.map"),
                HttpsRenderer.redirects(redirects).getBytes(StandardCharsets.UTF_8));
    }

    /** The domains a generation has a certificate for. */
    static Set<String> certifiedDomains(Generation generation) throws IOException {
        Path certificates = generation.folder().resolve("certs");
        Set<String> domains = new TreeSet<>();
        if (!Files.isDirectory(certificates, LinkOption.NOFOLLOW_LINKS)) {
            return domains;
        }
        try (Stream<Path> list = Files.list(certificates)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(CERTIFICATE)) {
                    domains.add(name.substring(0, name.length() - CERTIFICATE.length()).replace('_', '*'));
                }
            }
        }
        return domains;
    }

    private static HttpsMode mode(Generation generation, String stack) throws IOException {
        Path file = generation.folder().resolve("stacks").resolve(stack + MODE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return HttpsMode.REDIRECT;
        }
        return HttpsMode.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** Whether a wildcard certificate ({@code *.example.com}) covers {@code domain} ({@code shop.example.com}). */
    private static boolean covered(String domain, Set<String> certified) {
        int dot = domain.indexOf('.');
        return !domain.startsWith("*.") && dot > 0 && certified.contains("*" + domain.substring(dot));
    }
}
