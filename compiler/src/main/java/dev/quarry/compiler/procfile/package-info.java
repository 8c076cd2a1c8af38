/** Procfile (Heroku's format): the nodes of an app that has no quarry.yml, derived as a quarry.yml. */
package dev.quarry.compiler.procfile;
