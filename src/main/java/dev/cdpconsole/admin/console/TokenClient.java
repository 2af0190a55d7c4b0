package dev.cdpconsole.admin.console;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.api.TokenApi;

/** The token endpoint, as the console calls it. */
@RegisterProvider(PlatformErrorMapper.class)
public interface TokenClient extends TokenApi {
}
