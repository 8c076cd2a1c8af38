/** The process runtime: a container is {@code sh -c RUN} in its own session, in the release's source folder. */
package dev.quarry.agent.process;
