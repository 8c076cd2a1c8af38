package dev.quarry.hq.etcd;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Gives every single-answer etcd call a gRPC deadline, so a call to an etcd that is down ends (and is
 * not sent later when etcd comes back). Streams (lease keep-alive, watches) and the calls that wait on
 * purpose for others (a lock, an election campaign) run without one.
 */
final class CallDeadlines implements ClientInterceptor {
    private static final Set<String> WAITING_ON_PURPOSE = Set.of("v3lockpb.Lock/Lock", "v3electionpb.Election/Campaign");

    private final Duration timeout;

    CallDeadlines(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public <Request, Response> ClientCall<Request, Response> interceptCall(MethodDescriptor<Request, Response> method,
            CallOptions options, Channel next) {
        boolean bounded = method.getType() == MethodDescriptor.MethodType.UNARY
                && !WAITING_ON_PURPOSE.contains(method.getFullMethodName()) && options.getDeadline() == null;
        return next.newCall(method, bounded ? options.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                : options);
    }
}
