package dev.cdpconsole.admin.destination;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.SegmentApi;

/** The segment definitions, as the destination pages read them to map segments (the Segments pages have their own client). */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
public interface SegmentListClient extends SegmentApi {
}
