/** Safe YAML loading: hostile documents (bombs, tags, huge or deep ones) are refused before a node tree is built. */
package dev.quarry.compiler.yaml;
