/** Where a slice goes: filters that say whether a block fits and why not, placers that pick the best block, and the placement result. */
package dev.quarry.slicegrid.placement;
