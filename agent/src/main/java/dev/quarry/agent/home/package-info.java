/** The agent's home folder: where its keys, state, release sources, logs and build records live. */
package dev.quarry.agent.home;
