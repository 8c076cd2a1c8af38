package dev.quarry.cli.acceptance;

/** quarry.yml of a Docker app from a prebuilt busybox image, serving a message it gets through its env. */
final class DockerApp {
    private DockerApp() {}

    static String yml(String name, String image, String message) {
        return """
                name: %s
                nodes:
                  web:
                    image: %s
                    run: echo "$MESSAGE" > /tmp/index.html; exec httpd -f -p "$HOST:$PORT" -h /tmp
                    port: 8080
                    memory: 32M
                    domains: [%s.localhost]
                    env: {MESSAGE: %s}
                    health: {path: /index.html, interval: 100ms, deadline: 30s}
                """.formatted(name, image, name, message);
    }
}
