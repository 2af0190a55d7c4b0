package dev.cdpconsole.admin.sandbox;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.SandboxApi;

/**
 * The sandbox-management API as the console calls it. Managing sandboxes is an organisation-wide act, so
 * these calls run in {@code prod} whatever sandbox the switcher shows.
 */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
@ClientHeaderParam(name = ApiHeaders.SANDBOX_NAME, value = ApiHeaders.DEFAULT_SANDBOX)
public interface SandboxClient extends SandboxApi {
}
