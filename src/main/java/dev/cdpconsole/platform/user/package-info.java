/** Console users: who may sign in to the admin console, with PBKDF2 password hashes and roles. */
package dev.cdpconsole.platform.user;
