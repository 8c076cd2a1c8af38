/** Reads iptables-save output and writes iptables-restore documents that move only Quarry's chains and hooks; pure. */
package dev.quarry.locknet.restore;
