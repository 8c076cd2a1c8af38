/** The values slicegrid works with: blocks (servers), slices (containers) and the resources they have and need. */
package dev.quarry.slicegrid.model;
