package dev.quarry.hq.endtoend;

/** quarry.yml files of the busybox apps the grid tests deploy. */
final class TestApps {
    /** The port the test service listens on (its own loopback address, so no other program holds it). */
    static final int SERVICE_PORT = 25432;

    /**
     * A node and a service publishing its address; the node serves what it got as db.txt, from a copy of
     * {@code public/} in its private /tmp (the release is read-only while it runs).
     */
    static final String WITH_SERVICE = """
            services:
              db:
                run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                port: %d
                memory: 32M
                publish:
                  DATABASE_URL: http://${host}:${port}/
            nodes:
              web:
                run: cp -r public /tmp/public; echo "$DATABASE_URL" > /tmp/public/db.txt; exec busybox httpd -f -p "$HOST:$PORT" -h /tmp/public
                port: 8080
                memory: 32M
                depends: [db]
                domains: [withdb.test]
            """.formatted(SERVICE_PORT);

    private TestApps() {}

    /**
     * busybox httpd serving {@code public/} on HOST:PORT; it first says where it starts. A health path
     * given here is checked (one that is not there never passes, giving up after 2 s).
     */
    static String web(String domain, int scale, String healthPath) {
        return healthPath.isEmpty() ? web(domain, scale, "/index.html", "20s") : web(domain, scale, healthPath, "2s");
    }

    /** The same with a health path and deadline of the caller's choosing. */
    static String web(String domain, int scale, String healthPath, String deadline) {
        String health = "{path: " + healthPath + ", interval: 100ms, deadline: " + deadline + "}";
        return """
                nodes:
                  web:
                    run: echo "$QUARRY_NODE starting on $HOST:$PORT"; exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: %d
                    memory: 32M
                    domains: [%s]
                    health: %s
                    env: {QUARRY_NODE: %s/web}
                """.formatted(scale, domain, health, domain.replace(".test", ""));
    }

    /** The docker runtime: an imported busybox image serving its /www. */
    static String docker(String domain, String image) {
        return """
                nodes:
                  web:
                    image: %s
                    run: exec httpd -f -p "$HOST:$PORT" -h /www
                    port: 8080
                    memory: 32M
                    domains: [%s]
                """.formatted(image, domain);
    }
}
