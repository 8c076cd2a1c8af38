package dev.quarry.router.render;

import static java.util.Objects.requireNonNull;

import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.TlsCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the HTTPS part of the router: a server per certified domain ({@code https.conf}) and the
 * domains whose plain HTTP redirects to HTTPS ({@code redirect.map}).
 */
public final class HttpsRenderer {
    /** {@code /.well-known/acme-challenge/} and a token of up to 64 characters: keys of {@code acme.map}. */
    public static final int LONGEST_CHALLENGE_PATH = 28 + 64;

    private HttpsRenderer() {}

    /**
     * One certified domain.
     *
     * @param domain the certificate's domain
     * @param bodyStack the stack with its own template whose body its HTTPS server includes; empty: proxied
     *     by the host map as the default server does
     * @param redirect whether its plain HTTP redirects to HTTPS
     */
    public record Site(String domain, Optional<String> bodyStack, boolean redirect) {
        public Site {
            TlsCertificate.checkDomain(domain);
            requireNonNull(bodyStack, "bodyStack is null");
        }
    }

    /** {@code https.conf}: the HTTPS server of each site, its certificate under {@code certs/}. */
    public static String servers(RouterSettings settings, List<Site> sites) {
        Endpoint https = settings.https().orElseThrow(() -> new IllegalArgumentException("the router has no HTTPS address"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Site site : sites) {
            entries.add(Map.of("domain", site.domain(), "file", TlsCertificate.fileName(site.domain()),
                    "bodyStack", site.bodyStack().map(List::of).orElse(List.of())));
        }
        return Templates.render(Templates.builtIn("https.servers.mustache"),
                Map.of("httpsListen", https.toString(), "sites", entries));
    }

    /** {@code redirect.map}: a {@code DOMAIN 1;} line per site that redirects. */
    public static String redirects(List<Site> sites) {
        List<String> domains = sites.stream().filter(Site::redirect).map(Site::domain).toList();
        return Templates.render(Templates.builtIn("https.redirect.mustache"), Map.of("domains", domains));
    }

    /** {@code acme.map}: the answer to each ACME HTTP-01 token (already checked: base64url and dots only). */
    public static String challengeAnswers(Map<String, String> answersByToken) {
        List<Map<String, Object>> answers = new ArrayList<>();
        answersByToken.forEach((token, answer) -> answers.add(Map.of("token", token, "answer", answer)));
        return Templates.render(Templates.builtIn("https.acme.mustache"), Map.of("answers", answers));
    }

    /** What the HTTP servers need to know of HTTPS: its address and the port suffix of a redirect. */
    static Optional<Map<String, Object>> scope(RouterSettings settings) {
        return settings.https().map(https -> Map.of("httpsListen", https.toString(),
                "httpsPortSuffix", https.port() == 443 ? "" : ":" + https.port()));
    }
}
