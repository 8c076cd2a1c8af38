/** The server agent: it runs HQ's verbs (start, stop, list, logs, health, ...) on this server's containers. */
package dev.quarry.agent;
