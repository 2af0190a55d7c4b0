/** The audit log: every change made through the console or the API, recorded in the change's own transaction. */
package dev.cdpconsole.platform.audit;
