/** Helpers for the agent's tests: a busybox image and app, a recording sleeper, test agents and their cleanup. */
package dev.quarry.agent.testing;
