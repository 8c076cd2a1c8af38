/**
 * Helpers shared by the tests of every module: running real processes with timeouts, ssh keys, git
 * work trees, a real etcd, ports and folders, and network namespaces linked to this machine.
 */
package dev.quarry.testsupport;
