/** slicegrid: decides which block (server) every slice (container) runs on, and when the grid grows or shrinks. */
package dev.quarry.slicegrid;
