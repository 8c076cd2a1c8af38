/**
 * Files mirrored from etcd: every key under a prefix ({@code /quarry/files/hosts}) is a file under the
 * server's files folder ({@code hosts}), written atomically when the key changes and deleted when it goes.
 */
package dev.quarry.agent.files;
