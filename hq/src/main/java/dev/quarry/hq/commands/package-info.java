/**
 * The quarry verbs HQ answers over SSH (apps, ps, servers, grid, scale, releases, rollback, config,
 * logs), as aligned text or JSON.
 */
package dev.quarry.hq.commands;
