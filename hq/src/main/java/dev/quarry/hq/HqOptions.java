package dev.quarry.hq;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.grid.GridSettings;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * How HQ runs.
 *
 * @param home where it keeps everything
 * @param listen the address and port of its SSH endpoint (port 0: any free port)
 * @param grid its servers, router and launch settings; empty: no grid, pushes are planned and recorded only
 * @param etcd the etcd its state, deploy locks and leadership live in ({@code http://127.0.0.1:2379}); empty:
 *     the state is files in the home, for this HQ alone
 * @param dashboard where the web dashboard listens ({@code 127.0.0.1:8090}); empty: no dashboard
 */
public record HqOptions(QuarryHome home, InetSocketAddress listen, Optional<GridSettings> grid, Optional<String> etcd,
        Optional<InetSocketAddress> dashboard) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:2222";
    /** Where {@code quarry up} serves the dashboard. */
    public static final String DEFAULT_DASHBOARD = "127.0.0.1:8090";

    public HqOptions {
        requireNonNull(home, "home is null");
        requireNonNull(listen, "listen is null");
        requireNonNull(grid, "grid is null");
        requireNonNull(etcd, "etcd is null");
        etcd.ifPresent(HqOptions::checkEtcd);
        requireNonNull(dashboard, "dashboard is null");
    }

    /** HQ without a dashboard. */
    public HqOptions(QuarryHome home, InetSocketAddress listen, Optional<GridSettings> grid, Optional<String> etcd) {
        this(home, listen, grid, etcd, Optional.empty());
    }

    /** HQ without a grid. */
    public HqOptions(QuarryHome home, InetSocketAddress listen) {
        this(home, listen, Optional.empty(), Optional.empty());
    }

    public HqOptions withGrid(GridSettings settings) {
        return new HqOptions(home, listen, Optional.of(settings), etcd, dashboard);
    }

    /** The state in etcd at {@code endpoint}, shared with the other HQs using it. */
    public HqOptions withEtcd(String endpoint) {
        return new HqOptions(home, listen, grid, Optional.of(endpoint), dashboard);
    }

    /** The web dashboard on {@code address} ({@code ADDR:PORT}, such as {@link #DEFAULT_DASHBOARD}). */
    public HqOptions withDashboard(String address) {
        return new HqOptions(home, listen, grid, etcd, Optional.of(address(address, "--dashboard")));
    }

    /** {@code http://HOST:PORT} (or https), as etcd's client URL; a one-line error otherwise. */
    static void checkEtcd(String endpoint) {
        if (!endpoint.matches("https?://[A-Za-z0-9.\\[\\]:-]+:[0-9]{1,5}/?")) {
            throw new IllegalArgumentException("--etcd " + endpoint + ": give etcd's client URL, such as"
                    + " http://127.0.0.1:2379");
        }
    }

    /** Options from {@code --home} and {@code --listen} values (either may be absent) and the environment. */
    public static HqOptions of(Optional<String> home, Optional<String> listen, Map<String, String> environment) {
        QuarryHome quarryHome = QuarryHome.resolve(home, environment, System.getProperty("user.name"),
                System.getProperty("user.home"));
        return new HqOptions(quarryHome, address(listen.orElse(DEFAULT_LISTEN)));
    }

    /** {@code ADDR:PORT}, such as {@code 127.0.0.1:2222}, {@code 0.0.0.0:22} or {@code [::1]:2222}. */
    static InetSocketAddress address(String text) {
        return address(text, "--listen");
    }

    /** {@code ADDR:PORT} given to {@code option}. */
    static InetSocketAddress address(String text, String option) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + " " + text + ": give ADDR:PORT, such as "
                    + (option.equals("--dashboard") ? DEFAULT_DASHBOARD : DEFAULT_LISTEN));
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = text.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(option + " " + text + ": the port must be a number from 0 to 65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(port));
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(option + " " + text + ": cannot resolve " + host
                    + "; give an IP address");
        }
        return address;
    }
}
