/** HQ's web dashboard: one-time login links, sessions, the data its pages show and the HTTP edge serving them. */
package dev.quarry.hq.dashboard;
