/** Waiting with the clock and the sleeping passed in: polling until something is ready, and backoff between tries. */
package dev.quarry.pacific.waiting;
