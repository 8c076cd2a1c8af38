/** Applies rendered configuration to a real nginx: stage, validate with nginx -t, swap atomically, reload, confirm. */
package dev.quarry.router.apply;
