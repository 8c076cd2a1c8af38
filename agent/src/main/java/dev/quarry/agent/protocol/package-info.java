/** The agent's wire protocol: verbs, and the JSON requests and answers they read and write. */
package dev.quarry.agent.protocol;
