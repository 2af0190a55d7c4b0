package dev.cdpconsole.admin.activation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import dev.cdpconsole.admin.console.ConsoleHeaders;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.api.ActivationApi;
import dev.cdpconsole.api.AdhocRunOrder;
import dev.cdpconsole.api.AdhocRunRequest;

/**
 * Ad-hoc activation as the console calls it. The run asks for version 2 of Adobe's API, as its documents say a
 * client must ({@code Accept: application/vnd.adobe.adhoc.activation+json; version=2}).
 */
@RegisterClientHeaders(ConsoleHeaders.class)
@RegisterProvider(PlatformErrorMapper.class)
public interface ActivationClient extends ActivationApi {

    /** The media type, with its version, that the run is sent with in {@code Accept}. */
    String VERSION_2 = ActivationApi.MEDIA_TYPE + "; version=2";

    @Override
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(VERSION_2)
    AdhocRunOrder run(AdhocRunRequest request);
}
