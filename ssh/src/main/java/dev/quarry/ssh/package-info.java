/** A locked-down SSH server (Apache MINA SSHD): public-key auth, exec requests only, everything else refused. */
package dev.quarry.ssh;
