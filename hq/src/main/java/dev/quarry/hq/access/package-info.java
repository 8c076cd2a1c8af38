/**
 * Who may do what: admin and developer keys, which apps a developer reaches, the decision for each
 * request (a pure policy with a reason), the keys over SSH, and the audit log, all in the state store.
 */
package dev.quarry.hq.access;
