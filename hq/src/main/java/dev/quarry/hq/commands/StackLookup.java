package dev.quarry.hq.commands;

import dev.quarry.compiler.plan.Stack;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackSpecs;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.release.Stored;

/** Finding a stack and its current release, or saying in one line why there is none. */
final class StackLookup {
    private StackLookup() {}

    static Stored<StackRecord> require(StackState state, String app) {
        return state.stack(app).orElseThrow(() -> new VerbFailure("no app named " + app
                + " on this HQ; see: apps, or push it: git push quarry@HQ:" + app + " main"));
    }

    static Release current(StackState state, String app) {
        StackRecord stack = require(state, app).value();
        if (!stack.hasCurrent()) {
            throw new VerbFailure(app + " has no deployed release yet; push it: git push quarry@HQ:" + app + " main");
        }
        return state.release(app, stack.current()).orElseThrow(() -> new VerbFailure("release " + stack.current()
                + " of " + app + " is missing from the state; push the app again"));
    }

    /** The compiled current release (quarry.yml with env and scale applied). */
    static Stack currentStack(StackState state, String app) {
        Release release = current(state, app);
        return StackSpecs.rebuild(state, app, release).orElseThrow(() -> new VerbFailure("the quarry.yml of release "
                + release.number() + " of " + app + " no longer compiles; push a fixed one"));
    }
}
