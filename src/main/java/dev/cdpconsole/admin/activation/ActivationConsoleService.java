package dev.cdpconsole.admin.activation;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.ActivationApi;
import dev.cdpconsole.api.AdhocRunOrder;
import dev.cdpconsole.api.AdhocRunRequest;
import dev.cdpconsole.api.FlowRun;
import dev.cdpconsole.api.FlowRunApi;
import dev.cdpconsole.api.Preflight;

/** What the Activate page and the activation history ask of the platform, in the switcher's sandbox. */
@ApplicationScoped
public class ActivationConsoleService {

    /** The history's page size. */
    static final int PAGE = 25;
    /** The runs the chart counts: the latest this many that match the filters (the API's largest page). */
    static final int CHART_RUNS = 500;
    /** The CSV download's bound: this many pages of the largest size. */
    static final int CSV_PAGES = 40;

    @Inject
    PlatformClients clients;

    private ActivationClient activation() {
        return clients.get(ActivationClient.class, ActivationApi.PATH);
    }

    private FlowRunClient runs() {
        return clients.get(FlowRunClient.class, FlowRunApi.PATH);
    }

    public Preflight preflight(String destinationId, List<String> segmentIds) {
        return activation().preflight(new AdhocRunRequest(Map.of(destinationId, segmentIds)));
    }

    /** Starts the runs; answers their ids, in the order of the platform's answer. */
    public List<String> run(String destinationId, List<String> segmentIds) {
        AdhocRunOrder order = activation().run(new AdhocRunRequest(Map.of(destinationId, segmentIds)));
        return order.order().stream().map(item -> item.statusURL().substring(item.statusURL().lastIndexOf('/') + 1))
                .toList();
    }

    /** A page of the history, newest first; {@code page} from 0. */
    public FlowRun.Page page(RunFilter filter, int page) {
        return runs().list(filter.properties(), Integer.toString(PAGE), Integer.toString(page * PAGE));
    }

    /** The latest runs that match, for the chart. */
    public List<RunView> latest(RunFilter filter) {
        return runs().list(filter.properties(), Integer.toString(CHART_RUNS), "0").items().stream().map(RunView::of)
                .toList();
    }

    /** Every run that matches, newest first, a page at a time (at most {@link #CSV_PAGES} pages). */
    public void each(RunFilter filter, RunSink sink) throws IOException {
        for (int page = 0; page < CSV_PAGES; page++) {
            FlowRun.Page found = runs().list(filter.properties(), Integer.toString(CHART_RUNS),
                    Integer.toString(page * CHART_RUNS));
            for (FlowRun run : found.items()) {
                sink.accept(RunView.of(run));
            }
            if (found._links() == null || found._links().next() == null || found.items().isEmpty()) {
                return;
            }
        }
    }

    /** Where {@link #each} hands the runs. */
    @FunctionalInterface
    public interface RunSink {
        void accept(RunView run) throws IOException;
    }

    public RunView run(String runId) {
        return RunView.of(runs().get(runId));
    }

    /** A failed run again: the new run. */
    public RunView retry(String runId) {
        return RunView.of(runs().retry(runId));
    }

    /** The run's file, as the platform sends it; the caller closes it. */
    public Response file(String runId) {
        return runs().file(runId);
    }
}
