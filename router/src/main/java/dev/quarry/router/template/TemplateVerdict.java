package dev.quarry.router.template;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What checking a stack's template gave: its directives, or one line saying what is refused and where. */
public sealed interface TemplateVerdict {

    /** Every directive is allowed where it stands. */
    record Allowed(List<Directive> directives) implements TemplateVerdict {
        public Allowed {
            directives = List.copyOf(directives);
        }

        /** Whether the template has its own {@code location /}, so Quarry adds none. */
        public boolean hasRootLocation() {
            return directives.stream().anyMatch(directive -> directive.name().text().equals("location")
                    && directive.arguments().size() == 1 && directive.arguments().get(0).text().equals("/"));
        }
    }

    /** @param reason {@code FILE:LINE: problem}, such as {@code directive "root" is not allowed ...} */
    record Refused(String reason) implements TemplateVerdict {
        public Refused {
            requireNonNull(reason, "reason is null");
        }
    }
}
