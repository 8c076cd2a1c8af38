/** {@code quarry demo}: {@code quarry up}, then the bundled example app pushed and served. */
package dev.quarry.cli.demo;
