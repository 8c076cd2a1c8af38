/** The quarry command: picocli commands that call the pure core and the daemons; {@link dev.quarry.cli.Main} starts it. */
package dev.quarry.cli;
