/**
 * locknet-apply and locknet-confirm: this host's firewall rules, loaded by locknet and kept only when HQ
 * reaches the agent again over a new connection before the dead-man timer runs out.
 */
package dev.quarry.agent.firewall;
