/**
 * Segments: definitions in a subset of PQL per sandbox ({@link dev.cdpconsole.platform.segment.Pql}), previews that
 * count a definition before it is saved, and segmentation jobs (asked for, and daily) that record each profile's
 * membership as realized, existing or exited. Activation exports the latest memberships.
 */
package dev.cdpconsole.platform.segment;
