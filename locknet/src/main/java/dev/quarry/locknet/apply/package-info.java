/** Loads a ruleset into a host's iptables in one transaction and rolls it back unless someone confirms in time. */
package dev.quarry.locknet.apply;
