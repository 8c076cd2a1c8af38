/**
 * One connection to etcd shared by the etcd state store, deploy locks and leadership, with a time
 * limit on every call, and the leases they hold things under.
 */
package dev.quarry.hq.etcd;
