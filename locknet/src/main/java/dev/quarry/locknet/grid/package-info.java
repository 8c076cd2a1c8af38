/** The grid as locknet sees it: host addresses, this host's roles, the SSH ports, and the one-line error for bad input. */
package dev.quarry.locknet.grid;
