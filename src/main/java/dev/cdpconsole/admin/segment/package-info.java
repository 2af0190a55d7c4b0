/**
 * The console's Segments pages: the list with its latest segmentation job, and a segment's page where a
 * definition is written in PQL with a live preview (count and sample) and its parse errors pointed at, saved,
 * evaluated and deleted. Everything goes through the segment, job, preview and estimate APIs.
 */
package dev.cdpconsole.admin.segment;
