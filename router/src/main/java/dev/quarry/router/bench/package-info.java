/** The router benchmark: apply time and nginx memory as the number of routed domains grows. */
package dev.quarry.router.bench;
