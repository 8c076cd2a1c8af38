package dev.quarry.pacific.digitalocean;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.io.IOException;
import javax.net.ssl.SSLContext;

/**
 * The tests' HTTP client maker: the provider's own builder, but every host name resolves to 127.0.0.1 without a DNS
 * query, https goes to the stand-in's port, and only the stand-in's certificate is trusted. Nothing can leave the
 * machine, and a request for any other host fails its TLS check.
 */
final class LoopbackHttp {
    private LoopbackHttp() {}

    static DigitalOceanHttp.ClientMaker to(int port) throws GeneralSecurityException, IOException, InterruptedException {
        SSLContext trustStandIn = StandInCertificate.get().clientContext();
        byte[] loopback = {127, 0, 0, 1};
        return watch -> DigitalOceanHttp.builder(watch)
                .setDnsResolver(host -> new InetAddress[] {InetAddress.getByAddress(host, loopback)})
                .setSchemePortResolver(host -> port)
                .setSSLContext(trustStandIn)
                .build();
    }
}
