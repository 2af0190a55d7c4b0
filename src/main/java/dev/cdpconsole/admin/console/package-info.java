/**
 * What every console page shares: the layout's model (user, sandbox switcher, language), the rest-client
 * plumbing (base URL, token, headers, error mapping) and the error pages.
 */
package dev.cdpconsole.admin.console;
