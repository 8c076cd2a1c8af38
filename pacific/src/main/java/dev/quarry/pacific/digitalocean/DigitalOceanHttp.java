package dev.quarry.pacific.digitalocean;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;

/**
 * The HTTP client the DigitalOcean API client talks through; the one place production's is chosen. Retries are
 * pacific's own ({@code ApiRetry}), so the HTTP client's are switched off; the {@link ResponseWatch} sees every
 * response.
 */
public final class DigitalOceanHttp {
    private static final int CONNECT_MILLIS = 10_000;
    private static final int READ_MILLIS = 60_000;

    private DigitalOceanHttp() {}

    /** Makes the HTTP client for one provider, given the watch it must install. */
    @FunctionalInterface
    public interface ClientMaker {
        CloseableHttpClient make(ResponseWatch watch);
    }

    /** Production: the system's DNS, port 443 and trust store, to https://api.digitalocean.com. */
    public static final ClientMaker PRODUCTION = watch -> builder(watch).build();

    /** Timeouts, no automatic retries, no proxy from system properties, and the watch installed. */
    public static HttpClientBuilder builder(ResponseWatch watch) {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(CONNECT_MILLIS)
                .setConnectionRequestTimeout(CONNECT_MILLIS)
                .setSocketTimeout(READ_MILLIS)
                .build();
        return HttpClients.custom()
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .addInterceptorLast(watch);
    }
}
