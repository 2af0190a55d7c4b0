/**
 * Activation: ad-hoc runs within Adobe's guardrails and their preflight, scheduled runs of enabled dataflows,
 * the executor that claims and runs them (a bounded number at once, each streaming a segment's members to a
 * file published by an atomic rename, with its manifest), and the flow runs API over their history.
 */
package dev.cdpconsole.platform.activation;
