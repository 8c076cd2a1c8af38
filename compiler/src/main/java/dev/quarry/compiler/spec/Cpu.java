package dev.quarry.compiler.spec;

/**
 * An amount of cpu in thousandths of a core, written in quarry.yml as {@code 0.5} or {@code 2}.
 *
 * @param millicores thousandths of a core
 */
public record Cpu(int millicores) {

    public Cpu {
        if (millicores <= 0) {
            throw new IllegalArgumentException("cpu must be positive, got " + millicores + "m");
        }
    }

    @Override
    public String toString() {
        return millicores % 1000 == 0 ? Integer.toString(millicores / 1000) : millicores + "m";
    }
}
