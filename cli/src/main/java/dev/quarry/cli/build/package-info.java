/** {@code quarry build}: compile a folder's quarry.yml and print the plan, running nothing. */
package dev.quarry.cli.build;
