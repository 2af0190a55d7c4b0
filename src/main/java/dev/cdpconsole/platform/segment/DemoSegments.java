package dev.cdpconsole.platform.segment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.profile.DemoProfilesReady;

/** The demo sandbox's example segments, made and evaluated once its people are in (first start only). */
@ApplicationScoped
public class DemoSegments {

    private static final Logger LOG = Logger.getLogger(DemoSegments.class.getName());
    /** Name, description and PQL of each example. */
    static final String[][] EXAMPLES = {
        {"Gold loyalty tier", "Members of the gold tier", "loyalty.tier = \"gold\""},
        {"Lapsed buyers", "Bought before, but not in the last 90 days", "lastPurchaseDate < daysAgo(90)"},
        {"Recent big spenders", "A purchase of 150 or more in the last 30 days",
            "count(events where eventType = \"commerce.purchases\" and timestamp > daysAgo(30) "
                    + "and commerce.order.priceTotal >= 150) >= 1"},
    };

    @Inject
    SegmentStore store;

    @Inject
    SegmentJobs jobs;

    @Inject
    Clock clock;

    void add(@Observes DemoProfilesReady demo) {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
            for (String[] example : EXAMPLES) {
                if (store.byName(demo.sandbox(), example[0]).isEmpty()) {
                    store.addSystem(new SegmentEntity(Secrets.random(16), demo.sandbox(), example[0], example[1],
                            example[2], 30, null, "system", now));
                }
            }
            jobs.evaluateAll(demo.sandbox());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo segments could not be made", e);
        }
    }
}
