/**
 * The grid's HQ identity in the state store: the agent key every HQ of a grid uses, its private half sealed
 * with the operator's grid secret, so an HQ started with an empty home is trusted by every agent.
 */
package dev.quarry.hq.identity;
