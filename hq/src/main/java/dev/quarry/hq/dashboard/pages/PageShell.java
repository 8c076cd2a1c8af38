package dev.quarry.hq.dashboard.pages;

/**
 * The frame around every page: the title, who is logged in, the links between pages, a little CSS, and the few
 * lines of JavaScript that keep {@code <main>} live over server-sent events and ask before an action.
 */
public final class PageShell {
    static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}header{background:#263238;color:#fff;\
            padding:6px 16px;display:flex;gap:16px;align-items:center}header a{color:#cfd8dc}main{padding:12px 16px}\
            table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}\
            .grid{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}.server{width:110px}.col{height:300px;border:1px solid #999;\
            display:flex;flex-direction:column-reverse;background:#f5f5f5}.col i{display:block;min-height:3px;border-top:1px solid #fff}\
            .col i:hover{outline:2px solid #000}.col i.bad{background:repeating-linear-gradient(45deg,#e53935 0 4px,#fff 4px 8px)}\
            .c0{background:#42a5f5}.c1{background:#66bb6a}.c2{background:#ffa726}.c3{background:#ab47bc}.c4{background:#26c6da}\
            .c5{background:#ec407a}.c6{background:#8d6e63}.c7{background:#9ccc65}.c8{background:#5c6bc0}.c9{background:#ffca28}\
            .down{opacity:.4}pre{background:#111;color:#ddd;padding:8px;overflow:auto;max-height:400px}.note{color:#666}\
            form{display:inline}""";
    /** The page script, served as {@code /dashboard.js} (the content security policy allows no inline script). */
    public static final String SCRIPT = """
            (function(){var m=document.querySelector('main');document.addEventListener('submit',function(e){\
            var c=e.target.getAttribute('data-confirm');if(c&&!confirm(c))e.preventDefault();});\
            function down(){m.querySelectorAll('pre.tail').forEach(function(t){t.scrollTop=t.scrollHeight;});}down();\
            var p=m.getAttribute('data-live');if(!p||!window.EventSource)return;\
            var s=new EventSource('/events?page='+encodeURIComponent(p));s.onmessage=function(e){\
            var f=document.activeElement;if(f&&f.tagName==='INPUT'&&m.contains(f))return;m.innerHTML=e.data;down();};\
            })();""";

    private PageShell() {}

    /**
     * A whole page.
     *
     * @param title the page's title
     * @param user who is logged in
     * @param live the path whose {@code <main>} the server keeps sending as it changes; empty: not live
     * @param main the page's content
     */
    public static String render(String title, String user, String live, String main) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + Html.escape(title)
                + " · quarry</title><style>" + STYLE + "</style></head><body><header><b>quarry</b>"
                + "<a href=\"/apps\">apps</a><a href=\"/grid\">grid</a><span class=note>" + Html.escape(user)
                + "</span></header><main data-live=\"" + Html.escape(live) + "\">" + main
                + "</main><script src=\"/dashboard.js\"></script></body></html>";
    }
}
