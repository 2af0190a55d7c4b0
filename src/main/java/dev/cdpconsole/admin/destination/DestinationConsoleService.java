package dev.cdpconsole.admin.destination;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.admin.segment.SegmentClient;
import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.DestinationApi;
import dev.cdpconsole.api.DestinationRequest;
import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.FlowApi;
import dev.cdpconsole.api.FlowRequest;
import dev.cdpconsole.api.SegmentApi;
import dev.cdpconsole.api.SegmentDefinition;

/**
 * What the Destinations, Dataflows and Activate pages ask of the platform, in the switcher's sandbox: file
 * destinations, their dataflows, and the segments there are to map.
 */
@ApplicationScoped
public class DestinationConsoleService {

    private static final int SEGMENT_PAGE = 100;
    /** A bound on the segments listed (and so on the pages read), far above what a form can show. */
    private static final int MAX_SEGMENT_PAGES = 20;

    @Inject
    PlatformClients clients;

    /**
     * The identity namespaces a destination may export: the platform's setting, which the console shares
     * (the platform offers no list of them; set the same value where the two run apart).
     */
    @Inject
    @ConfigProperty(name = "cdp.profiles.namespaces", defaultValue = "email,phone,crmId,ecid")
    List<String> namespaces;

    private DestinationClient destinationApi() {
        return clients.get(DestinationClient.class, DestinationApi.PATH);
    }

    private FlowClient flowApi() {
        return clients.get(FlowClient.class, FlowApi.PATH);
    }

    public List<String> namespaces() {
        return namespaces;
    }

    public List<Destination> destinations() {
        return destinationApi().list().items();
    }

    public Destination destination(String id) {
        return destinationApi().get(id);
    }

    public Destination create(DestinationRequest request) {
        return destinationApi().create(request);
    }

    public Destination change(String id, DestinationRequest request) {
        return destinationApi().change(id, request);
    }

    public void delete(String id) {
        destinationApi().delete(id).close();
    }

    public List<Flow> flows() {
        return flowApi().list().items();
    }

    public Flow flow(String id) {
        return flowApi().get(id);
    }

    public Flow create(FlowRequest request) {
        return flowApi().create(request);
    }

    public Flow change(String id, FlowRequest request) {
        return flowApi().change(id, request);
    }

    public void deleteFlow(String id) {
        flowApi().delete(id).close();
    }

    /** Every segment definition of the sandbox, by name. */
    public List<SegmentDefinition> segments() {
        SegmentClient api = clients.get(SegmentClient.class, SegmentApi.PATH);
        List<SegmentDefinition> all = new ArrayList<>();
        for (int page = 0; page < MAX_SEGMENT_PAGES; page++) {
            SegmentDefinition.Page found = api.list(Integer.toString(SEGMENT_PAGE), Integer.toString(page), null,
                    "name:asc");
            all.addAll(found.segments());
            if (found.segments().size() < SEGMENT_PAGE || found.link() == null || found.link().next() == null
                    || found.link().next().isBlank()) {
                break;
            }
        }
        return all;
    }
}
