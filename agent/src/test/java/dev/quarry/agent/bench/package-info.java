/** Benchmarks that print figures and assert only correctness. */
package dev.quarry.agent.bench;
