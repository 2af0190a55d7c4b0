/** Signing in to the console: Jakarta Security form login against the console users of the platform API. */
package dev.cdpconsole.admin.user;
