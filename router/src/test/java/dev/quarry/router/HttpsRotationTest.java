package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.RouterSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a domain's certificate under HTTPS load fails no request, and new handshakes get the new one. */
class HttpsRotationTest {
    @TempDir
    Path prefix;

    @Test
    void rotatingACertificateUnderLoadFailsNoRequest() throws Exception {
        TestCertificates authority = new TestCertificates("Quarry Rotation CA");
        int port = RouterTest.freePort();
        int httpsPort = RouterTest.freePort();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try (Backend backend = new Backend("shop");
                Router router = Router.start(prefix, RouterSettings.local(port).withHttps(new Endpoint("127.0.0.1", httpsPort)))) {
            assertInstanceOf(ApplyResult.Applied.class, router.apply(RouterTest.stack("shop", "web", "shop.test", backend)));
            assertInstanceOf(ApplyResult.Applied.class, router.installCertificates(List.of(authority.issue("shop.test"))));
            SSLContext trust = authority.trusting();
            for (int i = 0; i < 4; i++) {
                Thread client = Thread.ofPlatform().start(() -> {
                    while (loading.get()) {
                        try {
                            Https.Response response = Https.get(trust, httpsPort, "shop.test", "/");
                            if (response.status() != 200 || !response.body().equals("shop")) {
                                failures.add(response.status() + " " + response.body());
                            }
                            answered.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                clients.add(client);
            }
            String lastSerial = "";
            for (int rotation = 0; rotation < 3; rotation++) {
                dev.quarry.router.model.TlsCertificate next = authority.issue("shop.test");
                lastSerial = serial(next);
                ApplyResult result = router.installCertificates(List.of(next));
                assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
                int before = answered.get();
                while (answered.get() < before + 20) {
                    Thread.sleep(10);
                }
            }
            stop(loading, clients);
            assertEquals(lastSerial, Https.get(authority.trusting(), httpsPort, "shop.test", "/").serial(),
                    "a new client gets the last certificate");
        } finally {
            stop(loading, clients);
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failed requests");
        System.out.println("https rotation: " + answered.get() + " requests over 3 rotations, 0 failed");
    }

    private static String serial(dev.quarry.router.model.TlsCertificate certificate) throws Exception {
        return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.chainPem().getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)))).getSerialNumber().toString(16);
    }

    /** Ends the load before the router and the backend stop. */
    private static void stop(AtomicBoolean loading, List<Thread> clients) throws InterruptedException {
        loading.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }
}
