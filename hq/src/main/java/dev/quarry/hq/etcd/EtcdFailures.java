package dev.quarry.hq.etcd;

import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import java.time.Duration;

/** One-line messages for failed etcd calls: the endpoint, what was being done, what went wrong, how to check. */
final class EtcdFailures {
    private EtcdFailures() {}

    static String noAnswer(String endpoint, Duration timeout, String doing) {
        return "etcd at " + endpoint + " did not answer within " + seconds(timeout) + " while " + doing
                + check(endpoint);
    }

    static String describe(String endpoint, Duration timeout, String doing, Throwable cause) {
        Status.Code code = code(cause);
        if (code == Status.Code.DEADLINE_EXCEEDED) {
            return noAnswer(endpoint, timeout, doing);
        }
        String reason = firstLine(cause);
        if (code == Status.Code.UNAVAILABLE) {
            return "etcd at " + endpoint + " is unavailable while " + doing + " (" + reason + ")" + check(endpoint);
        }
        return "etcd at " + endpoint + " failed while " + doing + ": " + reason;
    }

    private static Status.Code code(Throwable cause) {
        if (cause instanceof EtcdException etcd) {
            return Status.Code.valueOf(etcd.getErrorCode().name());
        }
        return Status.fromThrowable(cause).getCode();
    }

    private static String firstLine(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return message.lines().findFirst().orElse(message);
    }

    private static String check(String endpoint) {
        return "; check that etcd runs and this host reaches it (etcdctl --endpoints " + endpoint
                + " endpoint health)";
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
