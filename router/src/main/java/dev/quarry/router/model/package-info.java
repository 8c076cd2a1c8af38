/** What the router is asked to serve: stacks, their routed nodes, domains and endpoints. */
package dev.quarry.router.model;
