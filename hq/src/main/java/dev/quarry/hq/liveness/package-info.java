/** Whether each server's agent answers HQ's heartbeat: up, suspect, down or returning, and since when. */
package dev.quarry.hq.liveness;
