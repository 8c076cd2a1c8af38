/** The agent's SSH endpoint (Apache MINA SSHD): HQ's key only, agent verbs only as exec requests, nothing else. */
package dev.quarry.agent.ssh;
