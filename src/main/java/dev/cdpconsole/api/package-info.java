/**
 * The HTTP contract as Java: JAX-RS interfaces and the request and response records they carry.
 * Platform resources implement these interfaces; the console's MicroProfile Rest Clients extend them,
 * so both faces of the WAR speak one contract.
 */
package dev.cdpconsole.api;
