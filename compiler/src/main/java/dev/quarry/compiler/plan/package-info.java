/** Compiles a stack spec against the previous release into a deterministic plan of instructions. */
package dev.quarry.compiler.plan;
