/** Release hooks: a command run once per release (such as a database migration) before its containers start. */
package dev.quarry.agent.hook;
