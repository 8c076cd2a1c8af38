/** The server's port range and which container holds which port, remembered across agent restarts. */
package dev.quarry.agent.ports;
