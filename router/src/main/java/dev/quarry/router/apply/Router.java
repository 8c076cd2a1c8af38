package dev.quarry.router.apply;

import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import dev.quarry.router.model.TlsCertificate;
import dev.quarry.router.render.RenderedStack;
import dev.quarry.router.render.StackRenderer;
import dev.quarry.router.render.StackTemplateException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The router: an nginx of its own under a prefix folder, changed one stack at a time. Each change is
 * rendered, staged as a whole new generation, validated with {@code nginx -t}, made live by swapping
 * one symlink, reloaded, and confirmed served. A refused change leaves the live configuration as it
 * was, so one stack's broken template never blocks another stack. {@link #startOrAdopt} takes over
 * the nginx an earlier router left serving, so a restart of HQ drops no request.
 */
public final class Router implements AutoCloseable {
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

    private final RouterSettings settings;
    private final ConfigTree tree;
    private final Nginx nginx;
    private final ReloadProbe probe;
    private final ProcessHandle master;
    private final boolean adopted;

    private Router(RouterSettings settings, ConfigTree tree, Nginx nginx, ProcessHandle master, boolean adopted) {
        this.settings = settings;
        this.tree = tree;
        this.nginx = nginx;
        this.master = master;
        this.adopted = adopted;
        this.probe = new ReloadProbe(settings.probeHost(), settings.listenPort());
    }

    /**
     * Takes over the nginx an earlier router of {@code prefix} left serving (its HQ was killed or crashed),
     * reloading it gracefully with the live configuration, so no request fails across an HQ restart; starts
     * a new nginx when none runs, or when the running one does not take the reload.
     */
    public static Router startOrAdopt(Path prefix, RouterSettings settings) throws IOException, InterruptedException {
        ConfigTree tree = new ConfigTree(prefix);
        Optional<ProcessHandle> running = RunningMaster.of(tree.prefix());
        if (running.isEmpty()) {
            return start(prefix, settings);
        }
        Nginx nginx = new Nginx("nginx", tree.prefix());
        Router router = new Router(settings, tree, nginx, running.get(), true);
        try {
            Generation first = tree.stage(List.of(), List.of(), settings, tree.liveDomains());
            Optional<String> problem = nginx.test(first);
            if (problem.isPresent()) {
                tree.discard(first);
                throw new IOException("nginx refuses its configuration: " + problem.get());
            }
            tree.makeLive(first);
            nginx.reload(running.get());
            router.probe.awaitGeneration(first.number(), RELOAD_TIMEOUT);
            tree.prune();
            return router;
        } catch (IOException e) {
            router.close();
            return start(prefix, settings);
        }
    }

    /** Starts nginx under {@code prefix} with the live configuration there, or an empty one. */
    public static Router start(Path prefix, RouterSettings settings) throws IOException, InterruptedException {
        ConfigTree tree = new ConfigTree(prefix);
        Nginx nginx = new Nginx("nginx", tree.prefix());
        Generation first = tree.stage(List.of(), List.of(), settings, tree.liveDomains());
        Optional<String> problem = nginx.test(first);
        if (problem.isPresent()) {
            tree.discard(first);
            throw new IOException("router: nginx refuses its configuration: " + problem.get());
        }
        tree.makeLive(first);
        tree.prune();
        ProcessHandle master = nginx.start(tree.liveLink().resolve("nginx.conf")).toHandle();
        Router router = new Router(settings, tree, nginx, master, false);
        try {
            router.probe.awaitGeneration(first.number(), RELOAD_TIMEOUT);
        } catch (IOException e) {
            router.close();
            throw new IOException("router: nginx did not start on " + settings.listenHost() + ":" + settings.listenPort()
                    + " (see " + tree.prefix().resolve("logs") + "): " + e.getMessage(), e);
        }
        return router;
    }

    /** Routes a stack's domains to its nodes' endpoints, replacing what the stack had. */
    public synchronized ApplyResult apply(StackRoutes routes) throws IOException, InterruptedException {
        return applyAll(List.of(routes));
    }

    /**
     * Routes several stacks in one change and one reload (HQ's start-up and reconcile); refused whole
     * when any of them is refused.
     */
    public synchronized ApplyResult applyAll(List<StackRoutes> stacks) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, List<String>> domains = tree.liveDomains();
        Map<String, String> owners = owners(domains);
        List<RenderedStack> rendered = new ArrayList<>();
        for (StackRoutes routes : stacks) {
            RenderedStack stack;
            try {
                stack = StackRenderer.render(routes, settings);
            } catch (StackTemplateException e) {
                return new ApplyResult.Refused(routes.stack(), e.getMessage());
            }
            Optional<String> conflict = conflict(routes.stack(), stack.domains(), owners);
            if (conflict.isPresent()) {
                return new ApplyResult.Refused(routes.stack(), conflict.get());
            }
            stack.domains().forEach(domain -> owners.put(domain, routes.stack()));
            domains.put(routes.stack(), stack.domains());
            rendered.add(stack);
        }
        String named = String.join(", ", stacks.stream().map(StackRoutes::stack).toList());
        return swapIn(named, rendered, List.of(), domains, CertificateChange.NONE, started);
    }

    /** Stops routing a stack's domains. */
    public synchronized ApplyResult remove(String stack) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, List<String>> domains = tree.liveDomains();
        domains.remove(stack);
        return swapIn(stack, List.of(), List.of(stack), domains, CertificateChange.NONE, started);
    }

    /**
     * Serves these certificates (replacing any of the same domains) in one change and one graceful reload;
     * refused, with nginx's line, when nginx does not take one (a key that does not match its certificate).
     * Over HTTP, a certified domain of a stack with {@code https: redirect} then redirects to HTTPS.
     */
    public synchronized ApplyResult installCertificates(List<TlsCertificate> certificates)
            throws IOException, InterruptedException {
        String named = "certificates of " + String.join(", ", certificates.stream().map(TlsCertificate::domain).toList());
        return swapIn(named, List.of(), List.of(), tree.liveDomains(),
                new CertificateChange(certificates, java.util.Set.of()), System.nanoTime());
    }

    /** Stops serving the certificate of {@code domain}; its HTTP no longer redirects. */
    public synchronized ApplyResult removeCertificate(String domain) throws IOException, InterruptedException {
        TlsCertificate.checkDomain(domain);
        return swapIn("certificate of " + domain, List.of(), List.of(), tree.liveDomains(),
                new CertificateChange(List.of(), java.util.Set.of(domain)), System.nanoTime());
    }

    /** The domains served a certificate now. */
    public synchronized java.util.Set<String> certifiedDomains() throws IOException {
        return tree.liveCertifiedDomains();
    }

    /**
     * Answers ACME's HTTP-01 challenge {@code token} with {@code keyAuthorization} at
     * {@code /.well-known/acme-challenge/TOKEN}, for every domain, over plain HTTP (one graceful reload).
     */
    public synchronized ApplyResult putChallenge(String token, String keyAuthorization)
            throws IOException, InterruptedException {
        tree.challenges().put(token, keyAuthorization);
        return swapIn("ACME challenge", List.of(), List.of(), tree.liveDomains(), CertificateChange.NONE, System.nanoTime());
    }

    /** Stops answering the challenge {@code token}. */
    public synchronized ApplyResult removeChallenge(String token) throws IOException, InterruptedException {
        tree.challenges().remove(token);
        return swapIn("ACME challenge", List.of(), List.of(), tree.liveDomains(), CertificateChange.NONE, System.nanoTime());
    }

    /** Where nginx listens for HTTPS, when it does. */
    public Optional<dev.quarry.router.model.Endpoint> httpsAddress() {
        return settings.https();
    }

    /** The domains routed now, by stack. */
    public synchronized Map<String, List<String>> routedDomains() throws IOException {
        return new TreeMap<>(tree.liveDomains());
    }

    /**
     * The template the live configuration of {@code stack} was rendered from: what HQ keeps using until a
     * healthy release switches it, so a failed release's template never goes live.
     */
    public synchronized Optional<String> liveTemplate(String stack) throws IOException {
        if (!StackRoutes.NAME.matcher(stack).matches()) {
            throw new IllegalArgumentException("not a stack name: \"" + stack + "\"");
        }
        return tree.liveTemplate(stack);
    }

    /** Whether this router took over an nginx an earlier one left serving, rather than starting one. */
    public boolean adopted() {
        return adopted;
    }

    /** The PID of nginx's master process. */
    public long masterPid() {
        return master.pid();
    }

    /** The resident memory of nginx's master and workers, in KiB. */
    public long residentKibibytes() throws IOException {
        return Nginx.residentKibibytes(master);
    }

    private ApplyResult swapIn(String stack, List<RenderedStack> changed, List<String> removed,
            Map<String, List<String>> domains, CertificateChange certificates, long started)
            throws IOException, InterruptedException {
        Generation next = tree.stage(changed, removed, settings, domains, certificates);
        long validating = System.nanoTime();
        Optional<String> problem = nginx.test(next);
        if (problem.isPresent()) {
            tree.discard(next);
            String what = certificates == CertificateChange.NONE && changed.size() + removed.size() > 0
                    ? "stack " + stack : stack;
            return new ApplyResult.Refused(stack, what + ": " + problem.get());
        }
        long swapping = System.nanoTime();
        tree.makeLive(next);
        nginx.reload(master);
        probe.awaitGeneration(next.number(), RELOAD_TIMEOUT);
        long done = System.nanoTime();
        tree.prune();
        return new ApplyResult.Applied(next.number(), Duration.ofNanos(swapping - validating),
                Duration.ofNanos(done - swapping), Duration.ofNanos(done - started));
    }

    private static Map<String, String> owners(Map<String, List<String>> domains) {
        Map<String, String> owners = new HashMap<>();
        domains.forEach((stack, names) -> names.forEach(domain -> owners.put(domain, stack)));
        return owners;
    }

    private static Optional<String> conflict(String stack, List<String> wanted, Map<String, String> owners) {
        for (String domain : wanted) {
            String owner = owners.get(domain);
            if (owner != null && !owner.equals(stack)) {
                return Optional.of("stack " + stack + ": " + domain + " is already routed to stack " + owner);
            }
        }
        return Optional.empty();
    }

    /**
     * Leaves nginx serving the live configuration for the next HQ to take over ({@link #startOrAdopt}), so an HQ
     * that stops and starts again drops no request. This router is not used again; its nginx's PID is in
     * {@code nginx.pid} under the prefix.
     */
    public void leaveRunning() {
        // nothing to stop: nginx runs on by itself, and the next HQ finds it by nginx.pid
    }

    /** Stops nginx (by its PID) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        master.destroy();
        try {
            master.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            master.destroyForcibly();
            try {
                master.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
                // SIGKILL was sent; nothing more can be done
            }
        }
    }
}
