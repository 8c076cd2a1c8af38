/** Keeping containers running: the restart policy with its backoff, and the supervisor that applies it to exits. */
package dev.quarry.agent.supervise;
