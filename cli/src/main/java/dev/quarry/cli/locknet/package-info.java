/** {@code quarry locknet}: print the iptables rules for a grid's hosts, or apply them here with a dead-man rollback. */
package dev.quarry.cli.locknet;
