/**
 * What a release runs on the grid: which release's containers serve each node (and how many), and
 * which release's container each service is; kept beside the release, read by launch and reconcile.
 */
package dev.quarry.hq.layout;
