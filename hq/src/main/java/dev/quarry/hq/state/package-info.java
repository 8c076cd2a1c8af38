/** The state store: everything HQ keeps, as keyed values written atomically with compare-and-set on a revision. */
package dev.quarry.hq.state;
