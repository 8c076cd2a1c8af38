/** The dashboard's pages as pure renderers: values in, HTML text out; no network, disk or clock. */
package dev.quarry.hq.dashboard.pages;
