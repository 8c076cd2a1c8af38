package dev.quarry.hq.commands;

import dev.quarry.compiler.read.Names;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.destroy.Destroyer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code destroy APP --confirm APP}: removes the app for good (containers, routes, releases, sources, builds,
 * homes on every server; its repository, state and access grants in HQ), holding its deploy lock so it never
 * races a push. Without the confirmation naming the app exactly it changes nothing and says what to type. Like
 * Heroku, where an app's collaborators may destroy it, any developer who reaches the app may (and admins).
 */
final class DestroyVerb implements Verb {
    static final String USAGE = "destroy APP --confirm APP";
    static final String CONFIRM = "--confirm";

    private final Destroyer destroyer;
    private final Redeployer redeployer;

    DestroyVerb(Destroyer destroyer, Redeployer redeployer) {
        this.destroyer = destroyer;
        this.redeployer = redeployer;
    }

    /**
     * The app and the confirmation given ({@code --confirm X} or {@code --confirm=X}), if any.
     *
     * @param app the app to destroy
     * @param confirmation the word after {@code --confirm}, or empty
     */
    record Words(String app, Optional<String> confirmation) {
        static Words parse(List<String> words) {
            List<String> positional = new ArrayList<>();
            Optional<String> confirmation = Optional.empty();
            for (int index = 0; index < words.size(); index++) {
                String word = words.get(index);
                if (word.equals(CONFIRM)) {
                    if (index + 1 >= words.size()) {
                        throw VerbFailure.usage(CONFIRM + " needs the app's name after it", USAGE);
                    }
                    confirmation = Optional.of(words.get(++index));
                } else if (word.startsWith(CONFIRM + "=")) {
                    confirmation = Optional.of(word.substring(CONFIRM.length() + 1));
                } else if (word.startsWith("-")) {
                    throw VerbFailure.usage("unknown option " + Arguments.quote(word), USAGE);
                } else {
                    positional.add(word);
                }
            }
            Arguments arguments = new Arguments(java.util.Set.of(), positional, USAGE).atMost(1);
            return new Words(arguments.app(0), confirmation);
        }
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Words.parse(words).app(), AppAction.DESTROY);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        Words words = Words.parse(context.arguments());
        String app = words.app();
        String retype = context.caller().syntax().command(List.of("destroy", app, CONFIRM, app));
        if (words.confirmation().isEmpty()) {
            throw new VerbFailure("this removes " + app + " for good (containers, releases, repository, config);"
                    + " to go on, type: " + retype);
        }
        if (!words.confirmation().get().equals(app)) {
            String given = Names.isName(words.confirmation().get()) ? words.confirmation().get()
                    : Arguments.quote(words.confirmation().get());
            throw new VerbFailure("the confirmation " + given + " is not the app's name " + app
                    + "; nothing was removed; to destroy " + app + ", type: " + retype);
        }
        return redeployer.locked(app, "destroy by " + context.user(), context, () -> {
            if (!destroyer.exists(app)) {
                throw new VerbFailure("no app named " + app + " on this HQ; see: apps");
            }
            context.caller().audit(app, "destroy " + app);
            Map<String, String> left = destroyer.destroy(app, context.progress());
            left.forEach((server, why) -> context.progress().line("-----> " + server + " did not answer (" + why
                    + "): what " + app + " has there is removed by the reconciler once it answers again"));
            context.progress().line("-----> destroyed " + app + (left.isEmpty() ? ""
                    : "; " + left.size() + (left.size() == 1 ? " server" : " servers") + " still to clean (above)"));
            return 0;
        });
    }
}
