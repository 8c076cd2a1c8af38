/** Tests of the liveness monitor: the tracker's rule, and real processes turning unhealthy. */
package dev.quarry.agent.liveness;
