package dev.quarry.cli.up;

import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import java.nio.file.Path;
import java.util.List;

/** What {@code quarry up} prints once everything answers: where things are and the next commands to type. */
final class Welcome {
    private Welcome() {}

    static String text(HqOptions options, Hq hq, List<Path> trusted) {
        String sshHost = options.listen().getHostString();
        int port = hq.port();
        var router = options.grid().orElseThrow().router();
        String remote = "ssh://quarry@" + sshHost + ":" + port + "/APP";
        StringBuilder text = new StringBuilder();
        text.append("Quarry is up.\n");
        text.append("  HQ (git push, quarry commands)  ").append("ssh://quarry@").append(sshHost).append(':').append(port)
                .append('\n');
        text.append("  apps, through nginx             http://").append(router.listenHost()).append(':')
                .append(router.listenPort()).append("  (by Host: a domain such as hello.localhost)\n");
        hq.dashboardAddress().ifPresent(address -> text.append("  dashboard                       ").append(address)
                .append("  (log in with a one-time link: quarry dashboard)\n"));
        text.append("  home                            ").append(hq.home().root()).append("\n\n");
        text.append("Deploy an app from its repository:\n");
        text.append("  git remote add quarry ").append(remote).append('\n');
        text.append("  git push quarry main\n\n");
        text.append("Trust HQ's host key once (ssh asks otherwise):\n");
        text.append("  echo '[").append(sshHost).append("]:").append(port).append(' ').append(hq.hostKeyLine())
                .append("' >> ~/.ssh/known_hosts\n\n");
        if (trusted.isEmpty()) {
            text.append("Keys that may push are the files in ").append(hq.home().keys())
                    .append(" (NAME.pub, one or more public keys each).\n");
        } else {
            text.append("Trusted your keys: ").append(String.join(", ", trusted.stream().map(Path::toString).toList()))
                    .append(".\n");
        }
        text.append("To let someone else push, copy their public key to ").append(hq.home().keys())
                .append("/NAME.pub.\nStop with Ctrl-C.\n");
        return text.toString();
    }
}
