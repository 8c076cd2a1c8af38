/**
 * The git side of HQ: receive-pack with the push pipeline in its pre-receive hook, upload-pack, and
 * the stacks' bare repositories.
 */
package dev.quarry.hq.git;
