/**
 * Helpers shared by the tests of every module: running real processes with timeouts, ssh keys, git
 * work trees, ports and folders.
 */
package dev.quarry.testsupport;
