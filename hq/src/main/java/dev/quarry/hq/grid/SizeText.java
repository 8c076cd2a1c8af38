package dev.quarry.hq.grid;

import dev.quarry.slicegrid.model.Resources;
import java.math.BigDecimal;

/** Sizes as people say them: {@code 2 GiB, 1 cpu}, {@code 512 MiB, 0.5 cpu}. */
public final class SizeText {
    private SizeText() {}

    public static String of(Resources size) {
        return memory(size.memoryMebibytes()) + ", " + cpu(size.cpuMillicores());
    }

    static String memory(int mebibytes) {
        return mebibytes % 1024 == 0 ? mebibytes / 1024 + " GiB" : mebibytes + " MiB";
    }

    static String cpu(int millicores) {
        String cores = BigDecimal.valueOf(millicores, 3).stripTrailingZeros().toPlainString();
        return cores + (millicores <= 1000 ? " cpu" : " cpus");
    }
}
