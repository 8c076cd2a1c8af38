/** Made-up slices for benchmarks and tests: seeded, so anyone can make the same ones again. */
package dev.quarry.slicegrid.workload;
