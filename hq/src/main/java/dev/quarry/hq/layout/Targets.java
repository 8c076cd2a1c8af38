package dev.quarry.hq.layout;

import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackSpecs;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.release.Stored;
import java.util.Optional;

/**
 * Reads what should run for a stack from the state: its current release, rebuilt, and the layout its
 * launch left (or, for a release launched before layouts were kept, every node and service at it).
 */
public final class Targets {
    private final StackState state;
    private final LayoutStore layouts;

    public Targets(StackState state, LayoutStore layouts) {
        this.state = state;
        this.layouts = layouts;
    }

    /** The target of a stack; empty when its live release no longer reads (then leave what runs alone). */
    public Optional<Target> of(String stack) {
        Optional<StackRecord> record = state.stack(stack).map(Stored::value);
        if (record.isEmpty() || !record.get().hasCurrent()) {
            return Optional.of(Target.nothing(stack));
        }
        int current = record.get().current();
        Optional<Release> release = state.release(stack, current);
        return release.flatMap(found -> StackSpecs.rebuild(state, stack, found)).map(rebuilt -> new Target(current,
                rebuilt.spec(), layouts.read(stack, current).orElseGet(() -> Layout.assumed(rebuilt.spec(), current))));
    }
}
