package dev.quarry.hq.git;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BundleWriter;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TransportBundleStream;
import org.eclipse.jgit.transport.URIish;

/**
 * Each stack's repository as a git bundle in the state store, so a release pushed through one HQ can be rolled
 * back, re-configured or pushed onto through another, even when the first is gone: after each push the
 * receiving HQ writes a bundle of every ref (branches, tags, the release pins) in parts of at most
 * {@value #PART_BYTES} bytes, {@code repositories/<stack>/<generation>.<n>}, then {@code bundle.json} naming
 * them with their SHA-256, then drops the parts of the generation before. A repository whose bundle is over
 * {@value #MAXIMUM_BYTES} bytes is not recorded (the log says so): its releases stay on the HQs that have them.
 */
public final class StoredRepositories implements RepositoryMirror {
    /** etcd takes values up to 1.5 MiB; a part stays well under. */
    static final int PART_BYTES = 1024 * 1024;
    /** The largest bundle kept in the store. */
    static final int MAXIMUM_BYTES = 16 * 1024 * 1024;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoredRepositories.class);

    private final StateStore store;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public StoredRepositories(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * What {@code bundle.json} says.
     *
     * @param generation names the parts
     * @param parts how many parts
     * @param bytes the bundle's length
     * @param sha256 the bundle's SHA-256, hex
     */
    record Bundle(String generation, int parts, int bytes, String sha256) {}

    @Override
    public void record(String stack, Repository repository) throws IOException {
        byte[] bundle = bundle(repository);
        if (bundle.length == 0) {
            return;
        }
        if (bundle.length > MAXIMUM_BYTES) {
            LOG.warn("the repository of {} is {} bytes as a bundle, over the {} kept in the store: its releases can be"
                    + " rolled back or re-configured only on HQs that have them (a push to another HQ brings them)",
                    stack, bundle.length, MAXIMUM_BYTES);
            return;
        }
        String generation = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        int parts = (bundle.length + PART_BYTES - 1) / PART_BYTES;
        for (int part = 0; part < parts; part++) {
            int from = part * PART_BYTES;
            store.write(folder(stack).child(generation + "." + part), StateStore.ABSENT,
                    java.util.Arrays.copyOfRange(bundle, from, Math.min(bundle.length, from + PART_BYTES)));
        }
        StateKey meta = folder(stack).child("bundle.json");
        long revision = store.read(meta).map(Versioned::revision).orElse(StateStore.ABSENT);
        store.write(meta, revision, JsonValues.write(new Bundle(generation, parts, bundle.length, sha256(bundle))));
        known.put(stack, generation);
        for (String name : store.children(folder(stack))) {
            if (!name.equals("bundle.json") && !name.startsWith(generation + ".")) {
                StateKey old = folder(stack).child(name);
                store.read(old).ifPresent(stored -> store.delete(old, stored.revision()));
            }
        }
    }

    @Override
    public boolean bringUpToDate(String stack, Repository repository) throws IOException {
        StateKey meta = folder(stack).child("bundle.json");
        Optional<Bundle> recorded = store.read(meta).map(stored -> JsonValues.read(meta, stored, Bundle.class));
        if (recorded.isEmpty() || recorded.get().generation().equals(known.get(stack))) {
            return false;
        }
        byte[] bundle = read(stack, recorded.get());
        try (TransportBundleStream transport = new TransportBundleStream(repository,
                new URIish().setScheme("store").setPath("/repositories/" + stack), new ByteArrayInputStream(bundle))) {
            FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/*:refs/*")));
            LOG.info("fetched the repository of {} from the store: {} refs", stack,
                    result.getTrackingRefUpdates().size());
        }
        known.put(stack, recorded.get().generation());
        return true;
    }

    private byte[] read(String stack, Bundle recorded) throws IOException {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream(recorded.bytes());
        for (int part = 0; part < recorded.parts(); part++) {
            StateKey key = folder(stack).child(recorded.generation() + "." + part);
            Versioned stored = store.read(key).orElseThrow(() -> new IOException("the repository of " + stack
                    + " in the store lacks " + key + " (another HQ was recording it); try again"));
            bundle.write(stored.value());
        }
        byte[] bytes = bundle.toByteArray();
        if (bytes.length != recorded.bytes() || !sha256(bytes).equals(recorded.sha256())) {
            throw new IOException("the repository of " + stack + " in the store does not match its bundle.json ("
                    + bytes.length + " bytes read, " + recorded.bytes() + " recorded); push the app again");
        }
        return bytes;
    }

    private static byte[] bundle(Repository repository) throws IOException {
        BundleWriter writer = new BundleWriter(repository);
        int refs = 0;
        for (Ref ref : repository.getRefDatabase().getRefs()) {
            if (!ref.isSymbolic() && ref.getObjectId() != null && ref.getName().startsWith("refs/")) {
                writer.include(ref.getName(), ref.getObjectId());
                refs++;
            }
        }
        if (refs == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeBundle(NullProgressMonitor.INSTANCE, bytes);
        return bytes.toByteArray();
    }

    private static StateKey folder(String stack) {
        return StateKey.of("repositories", stack);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
