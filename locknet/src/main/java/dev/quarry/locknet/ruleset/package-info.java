/** The pure renderer: grid hosts, roles and ports in, Quarry's iptables chains out, with no I/O and no clock. */
package dev.quarry.locknet.ruleset;
