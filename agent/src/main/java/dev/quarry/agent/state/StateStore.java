package dev.quarry.agent.state;

import dev.quarry.files.AtomicFiles;
import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The agent's state file: read once at start-up, rewritten atomically after every change; mode 0600 in a
 * 0700 folder, since the containers' requests in it carry their env values.
 */
public final class StateStore {
    private final Path file;
    private AgentState state;

    private StateStore(Path file, AgentState state) {
        this.file = file;
        this.state = state;
    }

    /** Opens {@code file}, or starts empty when it does not exist yet. */
    public static StateStore open(Path file) {
        if (!Files.exists(file)) {
            return new StateStore(file, AgentState.EMPTY);
        }
        try {
            return new StateStore(file, AgentJson.mapper().readValue(file.toFile(), AgentState.class));
        } catch (IOException e) {
            throw new RuntimeFailure("cannot read the agent's state " + file + ": " + RuntimeFailure.firstLine(e)
                    + "; fix it or move it away (the agent then forgets its ports and process containers)", e);
        }
    }

    public synchronized AgentState current() {
        return state;
    }

    /** Applies {@code change}, writes the result, and answers it. */
    public synchronized AgentState update(UnaryOperator<AgentState> change) {
        AgentState changed = change.apply(state);
        if (changed.equals(state)) {
            return state;
        }
        try {
            AtomicFiles.writeSecret(file, AgentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(changed));
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write the agent's state " + file + ": " + RuntimeFailure.firstLine(e)
                    + "; check the disk has room and the agent's home is writable", e);
        }
        state = changed;
        return changed;
    }
}
