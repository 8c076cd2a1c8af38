/** The one interface every cloud provider implements, the values it speaks in, and the events it tells listeners. */
package dev.quarry.pacific.provider;
