package dev.quarry.agent.runtime;

import dev.quarry.compiler.read.Names;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's name on its server, {@code stack.node.release.index} such as {@code shop.web.3.1}.
 *
 * @param stack the stack's name
 * @param node the node's or service's name
 * @param release the release it runs, from 1
 * @param index which of the node's containers it is, from 1
 */
public record ContainerId(String stack, String node, int release, int index) {
    private static final Pattern SHAPE = Pattern.compile("([^.]+)\\.([^.]+)\\.([0-9]{1,9})\\.([0-9]{1,9})");
    public static final String RULE = "stack.node.release.index, such as shop.web.3.1";

    public ContainerId {
        if (!Names.isName(stack)) {
            throw new IllegalArgumentException("stack must be " + Names.NAME_RULE + ", got " + Quoted.of(stack));
        }
        if (!Names.isName(node)) {
            throw new IllegalArgumentException("node must be " + Names.NAME_RULE + ", got " + Quoted.of(node));
        }
        if (release < 1 || index < 1) {
            throw new IllegalArgumentException("release and index must be 1 or more, got " + release + " and " + index);
        }
    }

    /** Reads {@code shop.web.3.1}; a one-line IllegalArgumentException says what is wrong. */
    public static ContainerId parse(String text) {
        Matcher matcher = text == null ? null : SHAPE.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("a container id is " + RULE + ", got " + Quoted.of(text));
        }
        return new ContainerId(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)),
                Integer.parseInt(matcher.group(4)));
    }

    @Override
    public String toString() {
        return stack + "." + node + "." + release + "." + index;
    }
}
