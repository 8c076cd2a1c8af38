/**
 * The grid HQ runs on: its servers (kept in the state), the agent of each, where containers are placed
 * (slicegrid, kept in grid/grid.json), and starting local servers on this machine.
 */
package dev.quarry.hq.grid;
