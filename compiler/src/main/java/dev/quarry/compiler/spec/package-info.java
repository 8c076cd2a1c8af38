/** The parsed, validated form of a quarry.yml: plain values with every default filled in. */
package dev.quarry.compiler.spec;
