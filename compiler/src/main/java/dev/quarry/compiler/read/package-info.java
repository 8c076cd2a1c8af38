/** Reads a YAML node tree into a {@link dev.quarry.compiler.spec.StackSpec}, reporting every problem with its place. */
package dev.quarry.compiler.read;
