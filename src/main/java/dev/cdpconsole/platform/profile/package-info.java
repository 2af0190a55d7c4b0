/**
 * Real-time customer profiles: ingestion of profile records and experience events, identity stitching (records
 * that share an identity are one profile), merge by time, computed scores, the entities lookup API and agent search.
 */
package dev.cdpconsole.platform.profile;
