/** The console's Keys pages: API credentials, their two slots, regeneration with grace, the log and usage. */
package dev.cdpconsole.admin.credential;
