/** The state store in etcd, so several HQs share one state, and the one-time copy of a file store into it. */
package dev.quarry.hq.state.etcd;
