/**
 * Sandboxes: the partitions everything else in the platform belongs to. {@code prod} exists from the first
 * start and can never be deleted; a deleted sandbox stays readable.
 */
package dev.cdpconsole.platform.sandbox;
