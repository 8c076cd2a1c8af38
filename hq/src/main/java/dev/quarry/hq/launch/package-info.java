/**
 * Launching a release's plan: the one-method {@link dev.quarry.hq.launch.Launcher}, the
 * {@link dev.quarry.hq.launch.GridLauncher} that runs ENSURE, DEPLOY, SCALE, ROUTE and KILL on the
 * grid's agents and router, and the stand-in that only prints the plan.
 */
package dev.quarry.hq.launch;
