package dev.quarry.router.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The allowlist on templates as written and as rendered: a corpus of refused templates with their exact lines. */
class TemplateCheckerTest {
    private static final String ALLOWED = "add_header, client_max_body_size, expires, gzip, gzip_comp_level, gzip_disable,"
            + " gzip_http_version, gzip_min_length, gzip_proxied, gzip_types, gzip_vary, if, location, proxy_buffering,"
            + " proxy_connect_timeout, proxy_hide_header, proxy_http_version, proxy_pass, proxy_read_timeout, proxy_redirect,"
            + " proxy_request_buffering, proxy_send_timeout, proxy_set_header, return, rewrite";
    private static final Set<String> UPSTREAMS = Set.of("shop.web", "shop.api");

    /** Each template (with | for a new line) and the directive refused, on which line. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "root /;|autoindex on; ~ 1 ~ root",
            "add_header X a;|autoindex on; ~ 2 ~ autoindex",
            "access_log /home/quarry/keys/x.pub fmt if=$http_x_k; ~ 1 ~ access_log",
            "error_log /tmp/x debug; ~ 1 ~ error_log",
            "server_name hello.localhost; ~ 1 ~ server_name",
            "server {|  listen 80;|} ~ 1 ~ server",
            "listen 127.0.0.1:9000; ~ 1 ~ listen",
            "location / {|  alias /etc/;|} ~ 2 ~ alias",
            "include /etc/nginx/*.conf; ~ 1 ~ include",
            "load_module /tmp/evil.so; ~ 1 ~ load_module",
            "content_by_lua_block { ngx.say(1); } ~ 1 ~ content_by_lua_block",
            "ssl_certificate /etc/shadow; ~ 1 ~ ssl_certificate",
            "map $host $x { default 1; } ~ 1 ~ map",
            "upstream evil { server 10.0.0.1; } ~ 1 ~ upstream",
            "set $quarry_upstream other.web; ~ 1 ~ set",
            "location / {|  if ($x) {|    set $quarry_upstream other.web;|  }|} ~ 3 ~ set",
            "\"root\" /; ~ 1 ~ root",
            "ro\\ot /; ~ 1 ~ ro\\ot",
            "{{stack}}_log /tmp/x; ~ 1 ~ {{stack}}_log",
            "location /a {|  proxy_store on;|} ~ 2 ~ proxy_store",
            "add_header X a};|root /; ~ 2 ~ root",
    })
    void refusesWhatIsNotOnTheAllowlist(String template, int line, String directive) {
        assertEquals(".quarry/nginx.mustache:" + line + ": directive \"" + directive
                + "\" is not allowed in a stack template (allowed: " + ALLOWED + ")",
                refusal(TemplateChecker.checkSource(template.replace('|', '\n'))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "add_header X a; } root /; ~ .quarry/nginx.mustache:1: unexpected \"}\"",
            "location / { add_header X a; ~ .quarry/nginx.mustache:1: unexpected end of text, expecting \"}\"",
            "add_header X \"a;|root /; ~ .quarry/nginx.mustache:1: unclosed double quote",
            "add_header X \"a\"b; ~ .quarry/nginx.mustache:1: unexpected \"b\" after a quoted word",
            "add_header X a ~ .quarry/nginx.mustache:1: unexpected end of text, expecting \";\" or \"}\"",
            "|; ~ .quarry/nginx.mustache:2: unexpected \";\"",
            "location /; ~ .quarry/nginx.mustache:1: directive \"location\" needs a { block }",
            "add_header X a { } ~ .quarry/nginx.mustache:1: directive \"add_header\" takes no { block }",
    })
    void refusesWhatIsNotNginxConfiguration(String template, String reason) {
        assertEquals(reason, refusal(TemplateChecker.checkSource(template.replace('|', '\n'))));
    }

    @Test
    void refusesControlCharacters() {
        assertEquals(".quarry/nginx.mustache:2: control character U+0000 is not allowed",
                refusal(TemplateChecker.checkSource("add_header X a;\nadd_header\0 Y b;")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:22", "http://other.web", "http://$host", "https://shop.web",
            "http://shop.web.evil", "\"http://shop.web\"", "http://shop.web http://other.web"})
    void proxyPassReachesOnlyTheStacksOwnUpstreams(String target) {
        String rendered = "location /x {\n    proxy_pass " + target + ";\n}\n";
        assertEquals(".quarry/nginx.mustache (rendered):2: proxy_pass may only name this stack's own upstreams"
                + " (http://shop.api, http://shop.web), got \"" + target.replace("\"", "") + "\"",
                refusal(TemplateChecker.checkRendered(rendered, UPSTREAMS)));
    }

    @Test
    void sectionsThatHideADirectiveAreCaughtOnceRendered() {
        assertEquals(".quarry/nginx.mustache (rendered):1: directive \"root\" is not allowed in a stack template"
                + " (allowed: " + ALLOWED + ")", refusal(TemplateChecker.checkRendered("root /;\n", UPSTREAMS)));
        assertInstanceOf(TemplateVerdict.Allowed.class,
                TemplateChecker.checkSource("add_header X {{#nodes}}\"{{/nodes}}; root /; #\";"),
                "as written it is one quoted word; rendered without nodes it is the refused root (above)");
    }

    @Test
    void allowsAServersWorthOfTheAllowedDirectives() {
        String template = """
                client_max_body_size 20m;
                gzip on;
                gzip_types text/css application/json;
                add_header X-Frame-Options "DENY" always;
                rewrite ^/old/(.*)$ /new/$1 permanent;
                location ~ \\.(css|js)$ {
                    expires 7d;
                    proxy_pass http://shop.web;
                }
                location /api/ {
                    proxy_read_timeout 300s;
                    proxy_set_header X-Path "${uri}";
                    if ($request_method = POST) { return 405; }
                    proxy_pass http://shop.api/v1/;
                }
                """;

        TemplateVerdict.Allowed allowed = assertInstanceOf(TemplateVerdict.Allowed.class,
                TemplateChecker.checkRendered(template, UPSTREAMS));

        assertEquals(7, allowed.directives().size());
        assertFalse(allowed.hasRootLocation());
        assertTrue(((TemplateVerdict.Allowed) TemplateChecker.checkRendered("location / { return 204; }", UPSTREAMS))
                .hasRootLocation());
    }

    @Test
    void valueTagsAreWordsAndSectionTagsAreSpaceInTheSource() {
        String template = """
                {{#nodes}}
                location /{{node}}/ {
                    add_header X-Node {{node}};
                    proxy_pass http://{{upstream}};
                }
                {{/nodes}}
                """;

        assertInstanceOf(TemplateVerdict.Allowed.class, TemplateChecker.checkSource(template));
    }

    private static String refusal(TemplateVerdict verdict) {
        return assertInstanceOf(TemplateVerdict.Refused.class, verdict).reason();
    }
}
