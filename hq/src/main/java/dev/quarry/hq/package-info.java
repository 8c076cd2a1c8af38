/**
 * HQ, the daemon users push to: {@link dev.quarry.hq.Hq} wires the SSH endpoint, git, releases, locks
 * and state together.
 */
package dev.quarry.hq;
