/** Release sources: the tar stream HQ sends, unpacked safely into sources/STACK/RELEASE/, and its removal. */
package dev.quarry.agent.source;
