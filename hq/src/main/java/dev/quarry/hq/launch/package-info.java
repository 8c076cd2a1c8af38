/**
 * Launching a release's plan: the one-method {@link dev.quarry.hq.launch.Launcher} and its stand-in
 * that only prints the plan.
 */
package dev.quarry.hq.launch;
