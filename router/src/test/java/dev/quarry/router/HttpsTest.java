package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.HttpsMode;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import dev.quarry.router.model.TlsCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router's HTTPS listener, certificates, redirects and ACME challenge answers, against a real nginx. */
class HttpsTest {
    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";

    @TempDir
    Path prefix;

    private final List<Backend> backends = new ArrayList<>();
    private TestCertificates authority;
    private Router router;
    private int port;
    private int httpsPort;

    @BeforeEach
    void startRouter() throws Exception {
        authority = new TestCertificates("Quarry Test CA");
        port = RouterTest.freePort();
        httpsPort = RouterTest.freePort();
        router = Router.start(prefix, settings());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (router != null) {
            router.close();
        }
        backends.forEach(Backend::close);
    }

    @Test
    void aCertifiedDomainIsServedOverHttpsWithHttp2AndItsHttpRedirects() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "shop.test", backend("shop says hi"))));
        assertEquals("shop says hi", Http.get(port, "shop.test").body(), "no certificate yet: plain HTTP serves");

        applied(router.installCertificates(List.of(authority.issue("shop.test"))));

        Https.Response secure = Https.get(authority.trusting(), httpsPort, "shop.test", "/");
        assertEquals(200, secure.status());
        assertEquals("shop says hi", secure.body());
        assertEquals("CN=shop.test", secure.subject());
        assertEquals("TLSv1.3", secure.protocol());
        assertEquals("h2", Https.handshake(authority.trusting(), httpsPort, "shop.test").alpn());
        Http.Response plain = Http.get(port, "shop.test", "/cart?id=1");
        assertEquals(308, plain.status());
        assertTrue(plain.headers().contains("Location: https://shop.test:" + httpsPort + "/cart?id=1"), plain.headers());
        assertEquals(Set.of("shop.test"), router.certifiedDomains());
    }

    @Test
    void aStackWithHttpsBothKeepsServingPlainHttp() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "shop.test", backend("shop")).withHttps(HttpsMode.BOTH)));
        applied(router.installCertificates(List.of(authority.issue("shop.test"))));

        assertEquals("shop", Http.get(port, "shop.test").body());
        assertEquals("shop", Https.get(authority.trusting(), httpsPort, "shop.test", "/").body());
    }

    @Test
    void acmeChallengesAreAnsweredForEveryDomainBeforeRedirectOrProxy() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "shop.test", backend("shop"))));
        applied(router.apply(templated("blog", "blog.test", "add_header X-Blog yes;\n", backend("blog"))));
        applied(router.installCertificates(List.of(authority.issue("shop.test"), authority.issue("blog.test"))));
        applied(router.putChallenge(TOKEN, TOKEN + ".thumbprint_-1234567890"));

        for (String host : List.of("shop.test", "blog.test", "new.test")) {
            Http.Response answer = Http.get(port, host, "/.well-known/acme-challenge/" + TOKEN);
            assertEquals(200, answer.status(), host);
            assertEquals(TOKEN + ".thumbprint_-1234567890", answer.body(), host);
        }
        assertEquals(308, Http.get(port, "blog.test").status(), "the template stack's HTTP redirects too");
        applied(router.removeChallenge(TOKEN));
        assertEquals(404, Http.get(port, "new.test", "/.well-known/acme-challenge/" + TOKEN).status());
        assertThrows(IllegalArgumentException.class, () -> router.putChallenge("../../nginx.conf", TOKEN + "." + TOKEN));
        assertThrows(IllegalArgumentException.class, () -> router.putChallenge(TOKEN, "x; } server { listen 1;"));
    }

    @Test
    void aStackTemplateAppliesOverHttpsToo() throws Exception {
        applied(router.apply(templated("blog", "blog.test", "add_header X-Blog yes;\n", backend("blog"))));
        applied(router.installCertificates(List.of(authority.issue("blog.test"))));

        Https.Response secure = Https.get(authority.trusting(), httpsPort, "blog.test", "/");
        assertEquals("blog", secure.body());
        assertTrue(secure.headers().contains("X-Blog: yes"), secure.headers());
    }

    @Test
    void aWildcardCertificateServesAndRedirectsTheDomainsUnderIt() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "a.shop.test", backend("a"))));
        applied(router.installCertificates(List.of(authority.issue("*.shop.test"))));

        assertEquals("a", Https.get(authority.trusting(), httpsPort, "a.shop.test", "/").body());
        assertEquals(308, Http.get(port, "a.shop.test").status());
    }

    @Test
    void aHostWithoutCertificateIsRefusedTheHandshakeAndKeepsHttp() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "shop.test", backend("shop"))));

        assertThrows(SSLException.class, () -> Https.get(authority.trusting(), httpsPort, "shop.test", "/"));
        assertEquals("shop", Http.get(port, "shop.test").body());
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefusedAndNothingLiveChanges() throws Exception {
        applied(router.installCertificates(List.of(authority.issue("shop.test"))));
        TlsCertificate good = authority.issue("blog.test");
        TlsCertificate other = authority.issue("other.test");
        TlsCertificate mismatched = new TlsCertificate("blog.test", good.chainPem(), other.keyPem());

        ApplyResult.Refused refused = assertInstanceOf(ApplyResult.Refused.class,
                router.installCertificates(List.of(mismatched)));

        assertTrue(refused.reason().startsWith("certificates of blog.test: nginx: [emerg]"), refused.reason());
        assertTrue(refused.reason().contains("key values mismatch"), refused.reason());
        assertEquals(Set.of("shop.test"), router.certifiedDomains());
        assertEquals("TlsCertificate[blog.test, key hidden]", mismatched.toString());
    }

    @Test
    void privateKeysAreMode0600InA0700FolderAndSurviveARestart() throws Exception {
        applied(router.apply(RouterTest.stack("shop", "web", "shop.test", backend("shop"))));
        applied(router.installCertificates(List.of(authority.issue("shop.test"))));
        Path certificates = prefix.resolve("live/certs");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(certificates.resolve("shop.test.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(certificates.toRealPath())));
        router.close();
        router = Router.start(prefix, settings());
        assertEquals("shop", Https.get(authority.trusting(), httpsPort, "shop.test", "/").body());
        applied(router.removeCertificate("shop.test"));
        assertEquals("shop", Http.get(port, "shop.test").body(), "without its certificate the domain serves HTTP again");
    }

    private RouterSettings settings() {
        return RouterSettings.local(port).withHttps(new Endpoint("127.0.0.1", httpsPort));
    }

    private StackRoutes templated(String stack, String domain, String template, Backend backend) {
        return new StackRoutes(stack, List.of(new NodeRoute("web", List.of(domain), List.of(backend.endpoint()))),
                Optional.of(template));
    }

    private Backend backend(String text) throws Exception {
        Backend backend = new Backend(text);
        backends.add(backend);
        return backend;
    }

    private static void applied(ApplyResult result) {
        assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
    }
}
