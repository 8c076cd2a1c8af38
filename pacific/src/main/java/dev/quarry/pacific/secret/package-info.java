/** Credentials kept out of messages and logs: a secret prints as ***, and a token file must be its owner's alone. */
package dev.quarry.pacific.secret;
