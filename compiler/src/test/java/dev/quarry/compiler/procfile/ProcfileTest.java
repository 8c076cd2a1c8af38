package dev.quarry.compiler.procfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.StackSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Procfile becomes the quarry.yml it stands for: web routed with a port, release the hook, the rest workers. */
class ProcfileTest {

    @Test
    void webIsRoutedReleaseIsTheHookAndOtherLinesAreWorkers() {
        Derivation.Derived derived = derived("""
                # a Heroku app
                web: gunicorn app:app --bind "$HOST:$PORT" --workers 2
                worker: celery -A tasks worker

                release: ./manage.py migrate
                """);
        StackSpec spec = parse(derived.quarryFile());

        NodeSpec web = spec.nodes().get("web");
        NodeSpec worker = spec.nodes().get("worker");
        assertEquals(List.of("web", "worker"), List.copyOf(spec.nodes().keySet()));
        assertEquals("gunicorn app:app --bind \"$HOST:$PORT\" --workers 2", web.container().run());
        assertEquals(List.of("shop.localhost"), web.domains());
        assertEquals(Procfile.WEB_PORT, web.container().port());
        assertEquals("./manage.py migrate", web.releaseHook());
        assertEquals("celery -A tasks worker", worker.container().run());
        assertNull(worker.container().port());
        assertFalse(worker.container().readiness().checksHttp(), "a worker is ready by its grace");
        assertNull(worker.releaseHook());
        assertEquals("derived from the Procfile: web (routed on shop.localhost, PORT from the range), worker (a worker:"
                + " no port, ready after 2 s running); the release hook from release: (run with web's release)",
                derived.summary());
    }

    @Test
    void withoutWebTheHookGoesWithTheFirstWorker() {
        StackSpec spec = parse(derived("clock: ./clock\r\nrelease: ./migrate\r\n").quarryFile());

        assertEquals("./migrate", spec.nodes().get("clock").releaseHook());
        assertEquals(List.of(), spec.nodes().get("clock").domains());
    }

    @Test
    void everyBadLineIsReportedWithItsLineAndColumn() {
        Derivation derivation = Procfile.derive("Procfile", bytes("""
                web: ./server
                Celery_Worker: celery worker
                just a command
                web: ./again
                clock:
                """), "shop", "localhost");

        assertEquals(List.of(
                "Procfile:2:1: \"Celery_Worker\" cannot name a process: use lowercase letters, digits and dashes, not"
                        + " starting with a dash (at most 63)",
                "Procfile:3:1: must be NAME: COMMAND, such as web: ./server, got \"just a command\"",
                "Procfile:4:1: web: is defined twice; keep one line per process",
                "Procfile:5:7: clock: needs a command on the same line, such as clock: ./server"),
                assertInstanceOf(Derivation.Invalid.class, derivation).problems().stream().map(Object::toString)
                        .toList());
    }

    @Test
    void aProcfileWithNothingToRunIsRefused() {
        Derivation derivation = Procfile.derive("Procfile", bytes("release: ./migrate\n"), "shop", "localhost");

        assertEquals("Procfile:1:1: defines no process to run; add a line such as web: ./server or worker: ./worker",
                assertInstanceOf(Derivation.Invalid.class, derivation).problems().getFirst().toString());
    }

    private static Derivation.Derived derived(String procfile) {
        return assertInstanceOf(Derivation.Derived.class, Procfile.derive("Procfile", bytes(procfile), "shop",
                "localhost"));
    }

    private static StackSpec parse(String quarryFile) {
        ParseResult result = QuarryFile.parseForApp(QuarryFile.NAME, bytes(quarryFile), "shop");
        if (result instanceof ParseResult.Invalid invalid) {
            throw new AssertionError(invalid.report() + quarryFile);
        }
        return ((ParseResult.Parsed) result).spec();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
