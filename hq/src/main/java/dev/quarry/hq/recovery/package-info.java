/**
 * What HQ's leader does about servers' liveness: a down server's containers run elsewhere, a returning one is
 * cleared of stale containers before it takes work.
 */
package dev.quarry.hq.recovery;
