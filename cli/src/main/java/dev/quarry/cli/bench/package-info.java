/** {@code quarry bench}: benchmarks of Quarry's parts on workloads anyone can make again, one subcommand each. */
package dev.quarry.cli.bench;
