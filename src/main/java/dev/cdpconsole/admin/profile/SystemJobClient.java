package dev.cdpconsole.admin.profile;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.SystemJobApi;

/** Delete requests as the console makes them: in the sandbox chosen in the switcher. */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
public interface SystemJobClient extends SystemJobApi {
}
