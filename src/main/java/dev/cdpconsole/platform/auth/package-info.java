/**
 * Authentication of the platform API: the token endpoint, the filter that checks every call's headers,
 * and the request-scoped call context that every platform service reads.
 */
package dev.cdpconsole.platform.auth;
