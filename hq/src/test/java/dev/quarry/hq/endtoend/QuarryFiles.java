package dev.quarry.hq.endtoend;

/** quarry.yml files for tests. */
final class QuarryFiles {
    /** A web node on one domain, scale 1. */
    static final String WEB = """
            nodes:
              web:
                run: ./server
                port: 8080
                domains: [shop.example.com]
            """;

    /** Line 5, column 12: a scale that is not a number. */
    static final String INVALID_SCALE = """
            nodes:
              web:
                run: ./server
                port: 8080
                scale: three
            """;

    private QuarryFiles() {}
}
