/** {@code quarry up}: HQ, a local server and nginx on this machine, the embedded default. */
package dev.quarry.cli.up;
