/**
 * The CLI issue's end-to-end acceptance and the push-to-serving benchmark, both driving {@code quarry up}
 * from the packaged jar.
 */
package dev.quarry.cli.acceptance;
