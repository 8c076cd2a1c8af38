/** Health: HTTP GET of the container's health path (or a TCP connect to its port) until it answers or its deadline. */
package dev.quarry.agent.health;
