package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.TreeSet;

/**
 * Who reaches one app besides the admins: {@code access/apps/APP.json}.
 *
 * @param app the app
 * @param createdBy whose first push created it; empty when an admin granted it before it existed
 * @param developers the keys that reach it (its creator and those granted), sorted
 */
public record AppAccess(String app, String createdBy, List<String> developers) {
    public AppAccess {
        requireNonNull(app, "app is null");
        requireNonNull(createdBy, "createdBy is null");
        developers = List.copyOf(new TreeSet<>(developers));
    }

    /** The record of an app {@code creator}'s first push makes. */
    public static AppAccess createdBy(String app, String creator) {
        return new AppAccess(app, creator, List.of(creator));
    }

    public boolean reaches(String name) {
        return developers.contains(name);
    }

    public AppAccess with(String name) {
        TreeSet<String> names = new TreeSet<>(developers);
        names.add(name);
        return new AppAccess(app, createdBy, List.copyOf(names));
    }

    public AppAccess without(String name) {
        return new AppAccess(app, createdBy, developers.stream().filter(other -> !other.equals(name)).toList());
    }
}
