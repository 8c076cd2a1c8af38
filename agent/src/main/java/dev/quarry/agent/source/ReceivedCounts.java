package dev.quarry.agent.source;

/** How many files and content bytes an archive held. */
record ReceivedCounts(int files, long bytes) {}
