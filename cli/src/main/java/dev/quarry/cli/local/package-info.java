/** {@code quarry start} and {@code stop}: a stack of this folder run on this machine by a private Quarry of its own. */
package dev.quarry.cli.local;
