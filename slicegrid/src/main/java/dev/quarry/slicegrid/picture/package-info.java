/** Pictures of a grid for people (servers as columns filled by use) and for programs (JSON). */
package dev.quarry.slicegrid.picture;
