/**
 * The grid's firewall from HQ: locknet's rules applied on every host through its agent, all hosts at once,
 * and kept only where HQ reaches the agent again over a new connection; each host's outcome reported as data.
 */
package dev.quarry.hq.firewall;
