/** Turns the bytes of a quarry.yml into a validated {@link dev.quarry.compiler.spec.StackSpec}; the entry point is {@link dev.quarry.compiler.QuarryFile}. */
package dev.quarry.compiler;
