package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The scores agents see: lifetime value (sum of purchase totals), purchases in the last 30 days, the last
 * purchase, and churn propensity in 0..1 from recency and frequency:
 * {@code churn = 0.7 * min(1, daysSinceLastPurchase / 90) + 0.3 * (1 - min(1, purchasesIn180Days / 10))},
 * with no purchase at all counting as 1.
 */
record Scores(BigDecimal lifetimeValue, int purchases30d, OffsetDateTime lastPurchaseAt, double churnPropensity) {

    static Scores of(BigDecimal lifetimeValue, int purchases30d, int purchases180d, OffsetDateTime lastPurchaseAt,
            OffsetDateTime now) {
        return new Scores(lifetimeValue == null ? BigDecimal.ZERO : lifetimeValue, purchases30d, lastPurchaseAt,
                churn(lastPurchaseAt, purchases180d, now));
    }

    static double churn(OffsetDateTime lastPurchaseAt, int purchases180d, OffsetDateTime now) {
        if (lastPurchaseAt == null) {
            return 1.0;
        }
        double days = Math.max(0, Duration.between(lastPurchaseAt, now).toHours() / 24.0);
        double recency = Math.min(1.0, days / 90.0);
        double frequency = Math.min(1.0, purchases180d / 10.0);
        double churn = 0.7 * recency + 0.3 * (1.0 - frequency);
        return Math.round(churn * 1000) / 1000.0;
    }
}
