package dev.quarry.compiler.plan;

/** Renders a plan as aligned text for people. */
public final class PlanText {
    private PlanText() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        int count = plan.instructions().size();
        out.append("plan for ").append(plan.stack()).append(" release ").append(plan.release());
        if (!plan.revision().isEmpty()) {
            out.append(" (").append(shortRevision(plan.revision())).append(')');
        }
        out.append(": ").append(count == 0 ? "nothing to do" : count + (count == 1 ? " instruction" : " instructions"))
                .append('\n');
        int targetWidth = plan.instructions().stream().mapToInt(it -> it.target().length()).max().orElse(0);
        for (Instruction instruction : plan.instructions()) {
            out.append(String.format("  %-6s  %-" + targetWidth + "s  %s", instruction.op(), instruction.target(),
                    instruction.details()).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** One instruction as a line, such as {@code DEPLOY shop/web release=3 scale=2}. */
    public static String line(Instruction instruction) {
        return instruction.op() + " " + instruction.target() + " " + instruction.details();
    }

    private static String shortRevision(String revision) {
        return revision.length() > 12 ? revision.substring(0, 12) : revision;
    }
}
