/** Destroying an app: its containers, routes and folders on every server, its repository and its state in HQ. */
package dev.quarry.hq.destroy;
