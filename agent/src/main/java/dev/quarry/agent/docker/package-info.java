/** The Docker runtime: containers through the Docker Engine API on the unix socket (docker-java), host networking. */
package dev.quarry.agent.docker;
