/**
 * The build logs HQ keeps of each release (what the push showed of every build, for {@code logs --build}) and the
 * built releases it ships to servers.
 */
package dev.quarry.hq.build;
