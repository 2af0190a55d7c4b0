/** The console's Audit page: the audit log with filters and paging, over the audit API. */
package dev.cdpconsole.admin.audit;
