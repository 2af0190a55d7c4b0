/**
 * File-based batch destinations (a folder under the destinations root, CSV or JSON Lines, optional gzip, a file
 * name template, the columns) and the dataflows that map a destination to segments with schedules.
 */
package dev.cdpconsole.platform.destination;
