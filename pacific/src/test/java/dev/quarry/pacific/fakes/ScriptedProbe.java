package dev.quarry.pacific.fakes;

import dev.quarry.pacific.agent.AgentProbe;
import java.util.ArrayList;
import java.util.List;

/** An agent probe that answers from the given try on (or never), and remembers what it was asked. */
public final class ScriptedProbe implements AgentProbe {
    private final int answersFromTry;
    private final List<String> asked = new ArrayList<>();

    private ScriptedProbe(int answersFromTry) {
        this.answersFromTry = answersFromTry;
    }

    public static ScriptedProbe answeringAtTry(int tryNumber) {
        return new ScriptedProbe(tryNumber);
    }

    public static ScriptedProbe never() {
        return new ScriptedProbe(Integer.MAX_VALUE);
    }

    @Override
    public synchronized boolean answers(String address, int port) {
        asked.add(address + ":" + port);
        return asked.size() >= answersFromTry;
    }

    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }
}
