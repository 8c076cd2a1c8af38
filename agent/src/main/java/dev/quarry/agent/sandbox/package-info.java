/**
 * What process containers, builds and hooks run inside: a bubblewrap sandbox per command, as the
 * unprivileged user of their stack, seeing the system read-only, their release and their stack's home.
 */
package dev.quarry.agent.sandbox;
