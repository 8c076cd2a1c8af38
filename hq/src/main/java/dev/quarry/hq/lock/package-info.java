/** Deploy locks: one deploy at a time per stack, with locks of crashed HQ processes reaped. */
package dev.quarry.hq.lock;
