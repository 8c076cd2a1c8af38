/** Certificates of routed domains: when to order or renew them from an ACME CA, and how long to back off. */
package dev.quarry.hq.certs;
