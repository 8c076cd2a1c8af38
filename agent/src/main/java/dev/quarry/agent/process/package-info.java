/**
 * The process runtime: a container is {@code sh -c RUN} in its own session and cgroups, in its stack's
 * bubblewrap sandbox over the release's source folder.
 */
package dev.quarry.agent.process;
