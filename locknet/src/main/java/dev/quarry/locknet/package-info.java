/** Locknet: firewall rules so only a grid's own hosts talk to each other; {@link dev.quarry.locknet.Locknet} is the entry point. */
package dev.quarry.locknet;
