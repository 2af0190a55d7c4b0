/** The platform side: the HTTP API of CONTRACT.md, one package per feature. Never imports the console. */
package dev.cdpconsole.platform;
