/** A stack's own nginx template as data: nginx's config syntax tokenized, then checked against an allowlist of directives. */
package dev.quarry.router.template;
