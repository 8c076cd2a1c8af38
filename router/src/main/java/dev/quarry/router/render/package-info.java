/** Renders nginx configuration from Mustache templates; pure: values in, text out. */
package dev.quarry.router.render;
