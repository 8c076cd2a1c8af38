package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One kept release: its number, status ({@code live}, {@code deployed}, {@code failed}...), who made it, its plan. */
public record ReleaseLine(int number, String status, String commit, String by, String created, String reason,
        List<String> plan) {
    public ReleaseLine {
        requireNonNull(status, "status is null");
        requireNonNull(commit, "commit is null");
        requireNonNull(by, "by is null");
        requireNonNull(created, "created is null");
        requireNonNull(reason, "reason is null");
        plan = List.copyOf(plan);
    }
}
