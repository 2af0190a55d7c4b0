/** The console's Sandboxes page and the sandbox switcher, over the sandbox-management API. */
package dev.cdpconsole.admin.sandbox;
