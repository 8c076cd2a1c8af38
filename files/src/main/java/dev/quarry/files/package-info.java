/** Atomic, durable file writes: temporary file, fsync, rename, fsync of the folder. */
package dev.quarry.files;
