/**
 * Deploy locks: one deploy at a time per stack, as files under QUARRY_HOME or as etcd keys under
 * leases; a crashed HQ never leaves one stuck.
 */
package dev.quarry.hq.lock;
