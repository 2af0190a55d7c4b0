package dev.cdpconsole.admin.credential;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.CredentialApi;

/** The credentials API as the console calls it (organisation-wide, so in {@code prod}). */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
@ClientHeaderParam(name = ApiHeaders.SANDBOX_NAME, value = ApiHeaders.DEFAULT_SANDBOX)
public interface CredentialClient extends CredentialApi {
}
