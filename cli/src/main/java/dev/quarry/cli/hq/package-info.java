/** {@code quarry hq}: runs HQ, the SSH endpoint for git push and quarry commands, until stopped. */
package dev.quarry.cli.hq;
