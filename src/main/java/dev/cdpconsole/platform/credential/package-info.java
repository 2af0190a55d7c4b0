/**
 * API credentials: a public client id, two secret slots (primary and secondary) with regeneration, a grace period
 * for the old secret and a log of every regeneration, grants of sandboxes and roles, and per-secret usage.
 */
package dev.cdpconsole.platform.credential;
