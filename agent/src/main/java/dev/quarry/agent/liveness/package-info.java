/** Watching containers after they are up: periodic liveness probes, their history, and when a container is unhealthy. */
package dev.quarry.agent.liveness;
