/** Cloud providers that add, remove and resize the grid's servers when slicegrid says the grid is full or a server is empty. */
package dev.quarry.pacific;
