/** The build logs HQ keeps of each release: what the push showed of every build, for {@code logs --build}. */
package dev.quarry.hq.build;
