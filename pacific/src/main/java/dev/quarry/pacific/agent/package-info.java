/** How pacific tells whether a new server's Quarry agent answers, and HQ's public key that agent trusts. */
package dev.quarry.pacific.agent;
