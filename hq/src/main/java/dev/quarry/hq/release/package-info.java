/**
 * Releases: compile a stack against its current release, record release N, launch it, keep the last
 * few, roll back and reconfigure.
 */
package dev.quarry.hq.release;
