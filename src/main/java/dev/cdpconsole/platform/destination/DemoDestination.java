package dev.cdpconsole.platform.destination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.profile.DemoProfilesReady;
import dev.cdpconsole.platform.segment.SegmentStore;
import dev.cdpconsole.platform.segment.SegmentSummary;

/**
 * The demo sandbox's folder destination ({@code demo} under the destinations root, CSV) and an enabled dataflow
 * mapping its example segments, made once its segments are (first start only), so that a newcomer can preflight
 * and run an activation at once. The mapping is one export at 23:59 UTC on the first day, so that the demo does
 * not fill a disk day after day; ad-hoc runs are inside its range from that day on.
 */
@ApplicationScoped
public class DemoDestination {

    private static final Logger LOG = Logger.getLogger(DemoDestination.class.getName());

    @Inject
    DestinationStore store;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    void add(@Observes @Priority(200) DemoProfilesReady demo) {
        try {
            if (store.destinationNamed(demo.sandbox(), "Demo files").isPresent()) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
            DestinationEntity destination = new DestinationEntity(Secrets.random(16), demo.sandbox(), "system", now);
            destination.set(new DestinationEntity.Settings("Demo files", "CSV files in the demo folder", "demo",
                    DestinationService.CSV, DestinationService.NONE, "{destination}_{segment}_{datetime}.csv",
                    DestinationService.json(List.of("email", "crmId")), DestinationService.json(List.of("person.name.firstName", "person.name.lastName",
                            "homeAddress.city", "loyalty.tier", "lifetimeValue", "churnPropensity"))), now);
            String flowId = Secrets.random(16);
            LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            List<Mapping> mappings = segments.summaries(demo.sandbox()).stream().map(SegmentSummary::id)
                    .map(id -> new Mapping(flowId, id, Mapping.ONCE, today, null, "23:59", null)).toList();
            store.addByPlatform(destination, new DataflowEntity(flowId, demo.sandbox(), "Demo campaign",
                    destination.id, DataflowEntity.ENABLED, "system", now), mappings);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo destination could not be made", e);
        }
    }
}
