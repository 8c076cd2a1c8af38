/** {@code quarry agent}: runs the server agent in the foreground. */
package dev.quarry.cli.agent;
