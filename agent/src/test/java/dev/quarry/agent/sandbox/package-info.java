/** Tests of the process sandbox with real bubblewrap, real processes and real cgroups. */
package dev.quarry.agent.sandbox;
