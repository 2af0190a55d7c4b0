/**
 * The admin console: page controllers and console services, one package per feature. It reaches the
 * platform only through MicroProfile Rest Clients over HTTP, never through JPA; it never imports the platform.
 */
package dev.cdpconsole.admin;
