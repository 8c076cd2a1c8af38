/**
 * The grid HQ runs on: its servers (kept in the state), the agent of each, where containers are placed
 * (slicegrid, kept in the state store under grid/placement.json), and starting local servers on this machine.
 */
package dev.quarry.hq.grid;
