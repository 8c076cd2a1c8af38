package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import dev.quarry.router.model.TlsCertificate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full TLS handshakes per second against one nginx worker (one core) serving 1,000 domains' certificates
 * (EC P-256), each handshake for a domain picked in turn, no session resumed. Figures are printed, not asserted.
 */
class HttpsBenchmarkTest {
    private static final int DOMAINS = 1_000;
    private static final int HANDSHAKES = 3_000;

    @TempDir
    Path prefix;

    @Test
    void handshakesWithAThousandCertificatesLoaded() throws Exception {
        TestCertificates authority = new TestCertificates("Quarry Bench CA");
        List<TlsCertificate> certificates = new ArrayList<>();
        List<NodeRoute> nodes = new ArrayList<>();
        for (int node = 0; node < DOMAINS / 10; node++) {
            List<String> domains = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String domain = "d" + (node * 10 + i) + ".bench.test";
                domains.add(domain);
                certificates.add(authority.issue(domain));
            }
            nodes.add(new NodeRoute("n" + node, domains, List.of(new Endpoint("127.0.0.1", 9))));
        }
        int httpsPort = RouterTest.freePort();
        RouterSettings settings = new RouterSettings("127.0.0.1", RouterTest.freePort(), 1, 1024)
                .withHttps(new Endpoint("127.0.0.1", httpsPort));
        try (Router router = Router.start(prefix, settings)) {
            assertInstanceOf(ApplyResult.Applied.class, router.apply(new StackRoutes("bench", nodes)));
            long installing = System.nanoTime();
            assertInstanceOf(ApplyResult.Applied.class, router.installCertificates(certificates));
            long installed = System.nanoTime();
            SSLContext trust = authority.trusting();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < 2; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    for (int i = next.getAndIncrement(); i < HANDSHAKES; i = next.getAndIncrement()) {
                        String domain = "d" + (i % DOMAINS) + ".bench.test";
                        try {
                            if (!Https.handshake(trust, httpsPort, domain).subject().equals("CN=" + domain)) {
                                wrong.incrementAndGet();
                            }
                        } catch (Exception e) {
                            wrong.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(0, wrong.get(), "handshakes that failed or got another domain's certificate");
            System.out.printf("https benchmark: %d domains' certificates installed and reloaded in %d ms; %d full"
                    + " handshakes on one nginx worker in %.1f s: %.0f handshakes/s (client on the same 2 cores),"
                    + " nginx RSS %d MiB%n", DOMAINS, (installed - installing) / 1_000_000, HANDSHAKES, seconds,
                    HANDSHAKES / seconds, router.residentKibibytes() / 1024);
        }
    }
}
