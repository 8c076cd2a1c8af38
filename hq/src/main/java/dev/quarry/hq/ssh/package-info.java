/**
 * The SSH endpoint: public-key auth against keys/, command-line parsing, and refusal of shells, ptys,
 * forwarding, subsystems and env.
 */
package dev.quarry.hq.ssh;
