/** The local provider: servers on this machine, each with its own loopback address, agent process, folder and ports. */
package dev.quarry.pacific.local;
