/** AgentClient: what HQ uses to drive an agent's verbs over SSH, with JSON in and out. */
package dev.quarry.agent.client;
