package dev.quarry.router.template;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directives a stack's template may use, in its server block and in its locations: none of them
 * reads or writes files, listens, names servers or reaches beyond the stack's own upstreams. Everything
 * else ({@code root}, {@code include}, any {@code *_log}, {@code server}, {@code set}, ...) is refused.
 */
public final class DirectiveAllowlist {
    /** The directives that open a block; every other allowed directive ends with {@code ;}. */
    static final Set<String> BLOCKS = Set.of("location", "if");

    /** Every allowed directive, sorted. */
    public static final Set<String> ALLOWED = new TreeSet<>(List.of(
            "location", "if",
            "proxy_pass", "proxy_set_header", "proxy_hide_header", "proxy_redirect", "proxy_http_version",
            "proxy_connect_timeout", "proxy_read_timeout", "proxy_send_timeout",
            "proxy_buffering", "proxy_request_buffering",
            "client_max_body_size", "add_header", "expires", "return", "rewrite",
            "gzip", "gzip_types", "gzip_min_length", "gzip_comp_level", "gzip_vary", "gzip_proxied",
            "gzip_http_version", "gzip_disable"));

    private DirectiveAllowlist() {}

    static boolean allows(String name) {
        return ALLOWED.contains(name);
    }

    /** The list as the refusal prints it: {@code add_header, client_max_body_size, ...}. */
    static String listed() {
        return String.join(", ", ALLOWED);
    }
}
