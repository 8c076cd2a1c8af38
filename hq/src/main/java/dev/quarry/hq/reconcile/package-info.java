/**
 * Reconcile: at start and on a period, what the agents run is compared with what each stack's live
 * release should run; what is missing is started, orphans are removed, routes follow what runs.
 */
package dev.quarry.hq.reconcile;
