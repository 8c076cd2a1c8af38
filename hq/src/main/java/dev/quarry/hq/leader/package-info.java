/** Which HQ runs the reconciler now: the only one (file store), or the one that won an etcd election. */
package dev.quarry.hq.leader;
