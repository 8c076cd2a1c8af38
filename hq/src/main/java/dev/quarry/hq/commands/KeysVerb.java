package dev.quarry.hq.commands;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.KeyNames;
import dev.quarry.hq.access.PublicKeyLine;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.access.Role;
import dev.quarry.hq.access.UserRecord;
import dev.quarry.hq.state.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code keys [--json]} lists the keys (name, role, fingerprint, where it is kept, apps);
 * {@code keys add NAME [--admin]} adds the public key on standard input (a developer unless {@code --admin});
 * {@code keys remove NAME} removes a user's keys and access. For admins.
 */
final class KeysVerb implements Verb {
    static final String USAGE = "keys [--json] | keys add NAME [--admin] < KEY.pub | keys remove NAME";
    private static final int MOST_BYTES = 16_384;

    private final AccessControl access;

    KeysVerb(AccessControl access) {
        this.access = access;
    }

    @Override
    public Request request(List<String> words) {
        parse(words);
        return new Request.AdminOnly("manage keys");
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = parse(context.arguments());
        if (arguments.positional().isEmpty()) {
            return list(context, arguments.has("--json"));
        }
        String name = arguments.positional().get(1);
        return arguments.positional().getFirst().equals("add")
                ? add(context, name, arguments.has("--admin") ? Role.ADMIN : Role.DEVELOPER)
                : remove(context, name);
    }

    private static Arguments parse(List<String> words) {
        Arguments arguments = Arguments.parse(words, Set.of("--json", "--admin"), USAGE);
        List<String> positional = arguments.positional();
        if (positional.isEmpty()) {
            if (arguments.has("--admin")) {
                throw VerbFailure.usage("--admin goes with keys add", USAGE);
            }
            return arguments;
        }
        if (!Set.of("add", "remove").contains(positional.getFirst())) {
            throw VerbFailure.usage("unknown keys action " + Arguments.quote(positional.getFirst()), USAGE);
        }
        if (positional.size() != 2) {
            throw VerbFailure.usage(positional.size() < 2 ? "name the key" : "unexpected "
                    + Arguments.quote(positional.get(2)), USAGE);
        }
        if (!KeyNames.isName(positional.get(1))) {
            throw VerbFailure.usage(Arguments.quote(positional.get(1)) + " is not a key name (" + KeyNames.RULE + ")",
                    USAGE);
        }
        if (arguments.has("--admin") && !positional.getFirst().equals("add") || arguments.has("--json")) {
            throw VerbFailure.usage((arguments.has("--json") ? "--json" : "--admin") + " does not go with keys "
                    + positional.getFirst(), USAGE);
        }
        return arguments;
    }

    private int list(VerbContext context, boolean json) {
        List<KeyListing.KeyRow> rows = KeyListing.rows(access);
        if (json) {
            context.out().println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
        } else {
            context.out().print(TextTable.render(List.of("NAME", "ROLE", "FINGERPRINT", "KEPT IN", "APPS"),
                    rows.stream().map(row -> List.of(row.name(), row.role(), row.fingerprint(), row.source(),
                            String.join(",", row.apps()))).toList()));
        }
        return 0;
    }

    private int add(VerbContext context, String name, Role role) {
        requireNewName(name);
        PublicKeyLine key;
        try {
            key = PublicKeyLine.parse(readKey(context));
        } catch (IllegalArgumentException e) {
            throw new VerbFailure(e.getMessage());
        }
        Optional<String> holder = access.knownKeys().stream().filter(known -> key.sameKey(known.key()))
                .map(known -> known.name()).findFirst();
        if (holder.isPresent()) {
            throw new VerbFailure("that key is " + holder.get() + "'s already (" + key.fingerprint()
                    + "); each key is one user's: see: keys");
        }
        for (var app : access.store().apps()) {
            access.store().edit(app.app(), current -> current.map(record -> record.without(name)));
        }
        if (!access.store().addUser(new UserRecord(name, role, List.of(key.line()), access.clock().instant(),
                context.user()))) {
            throw new VerbFailure("a key named " + name + " was added meanwhile; see: keys");
        }
        context.caller().audit("", "keys add " + name + " (" + role.word() + ", " + key.fingerprint() + ")");
        context.out().println("added " + name + ": " + role.word() + ", " + key.fingerprint()
                + (role == Role.ADMIN ? "" : "; it reaches the apps it creates, and those granted with: access grant "
                        + name + " APP"));
        return 0;
    }

    private void requireNewName(String name) {
        if (access.folder().has(name) || access.store().user(name).isPresent()) {
            throw new VerbFailure("a key named " + name + " exists already; pick another name, or remove it first:"
                    + " keys remove " + name);
        }
    }

    private static String readKey(VerbContext context) {
        try {
            byte[] bytes = context.in().readNBytes(MOST_BYTES + 1);
            if (bytes.length > MOST_BYTES) {
                throw new VerbFailure("standard input holds over " + MOST_BYTES + " bytes; send one public key"
                        + " (the .pub file of one key)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key from standard input: " + e.getMessage(), e);
        }
    }

    private int remove(VerbContext context, String name) {
        Optional<UserRecord> user = access.store().user(name);
        if (user.isEmpty() && !access.folder().has(name)) {
            throw new VerbFailure("no key named " + name + " on this HQ; see: keys");
        }
        if (user.map(UserRecord::role).orElse(Role.DEVELOPER) == Role.ADMIN && access.store().users().stream()
                .noneMatch(other -> other.role() == Role.ADMIN && !other.name().equals(name))) {
            throw new VerbFailure(name + " is the last admin; add another first: keys add NAME --admin < KEY.pub");
        }
        access.store().removeUser(name);
        boolean file;
        try {
            file = access.folder().remove(name);
        } catch (IOException e) {
            throw new UncheckedIOException("removed " + name + "'s access but not its key file: " + e.getMessage()
                    + "; delete keys/" + name + ".pub by hand", e);
        }
        for (var app : access.store().apps()) {
            access.store().edit(app.app(), current -> current.map(record -> record.without(name)));
        }
        context.caller().audit("", "keys remove " + name);
        context.out().println("removed " + name + (file ? " and keys/" + name + ".pub" : "")
                + ": its keys no longer log in");
        return 0;
    }
}
