/** The commands that run on HQ over SSH: where HQ is, which app, the connection, and the verbs themselves. */
package dev.quarry.cli.remote;
