/** What every runtime offers the agent: the Runtime and Launcher interfaces and the values they take and give. */
package dev.quarry.agent.runtime;
