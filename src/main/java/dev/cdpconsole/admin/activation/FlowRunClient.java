package dev.cdpconsole.admin.activation;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.FlowRunApi;

/** The flow runs API as the console calls it: the history, a run, its retry and its file. */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
public interface FlowRunClient extends FlowRunApi {
}
