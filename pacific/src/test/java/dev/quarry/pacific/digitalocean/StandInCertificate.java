package dev.quarry.pacific.digitalocean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code api.digitalocean.com} (CN and SAN), made once per test run with the JDK's
 * keytool: the stand-in serves with it, and the tests' HTTP client trusts it and nothing else.
 */
final class StandInCertificate {
    static final String HOST = "api.digitalocean.com";
    private static final char[] PASSWORD = "stand-in-only".toCharArray();
    private static StandInCertificate made;

    private final KeyStore keys;

    private StandInCertificate(KeyStore keys) {
        this.keys = keys;
    }

    static synchronized StandInCertificate get() throws IOException, GeneralSecurityException, InterruptedException {
        if (made == null) {
            made = new StandInCertificate(generate());
        }
        return made;
    }

    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /** Trusts only this certificate. */
    SSLContext clientContext() throws GeneralSecurityException, IOException {
        Certificate certificate = keys.getCertificate("stand-in");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("stand-in", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static KeyStore generate() throws IOException, GeneralSecurityException, InterruptedException {
        Path folder = Files.createTempDirectory("pacific-stand-in");
        Path store = folder.resolve("stand-in.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "stand-in", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + HOST, "-ext", "san=dns:" + HOST, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Files.delete(store);
        Files.delete(folder);
        return keys;
    }
}
