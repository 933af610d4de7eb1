package de.kim.steering.query;

import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.Facts.EventFact;
import de.kim.steering.query.Facts.NeedFact;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What one case adds to the counted figures, as a pure function of its fact: the cells of the
 * figure cubes (opened, closed, needs, goals, double funding, legal-domain changes, themes,
 * counselling contacts with their minutes), the change
 * of the open stock on the days it opened and closed, and the days from opening to its first
 * referral and to its closure. The projection applies the difference between a case's counts
 * before and after each change ({@link #minus}), so every figure reads a few count documents of
 * its tenant and year instead of every case ({@link CountedFigures}).
 *
 * <p>Documents: one per tenant and month ({@link #monthId}), its fields {@code town.section.*}
 * (the total) and {@code town.section.DIMENSION.value}; one per tenant and month with the open
 * stock's change per day ({@link #daysId}: only the running month reads it, up to today); and
 * one per tenant with each year's change of the open stock ({@link #balanceId}), which carries
 * the cases still open from earlier years. Towns and values are field names: {@link #key}.
 */
final class FigureCounts {

    static final String COLLECTION = "figure_counts";
    static final String TOTAL = "*";
    /** A town or value the fact does not have. */
    static final String NONE = "-";
    /** What a town's or value's field name starts with (an underscore could meet {@code _id}). */
    static final String KEY = "~";

    static final String OPENED = "o";
    static final String CLOSED = "c";
    static final String STOCK = "s";
    static final String NEEDS = "n";
    static final String GOALS = "g";
    static final String DOUBLE_FUNDING = "w";
    static final String DOMAIN_CHANGES = "l";
    static final String TO_FIRST_REFERRAL = "r";
    static final String TO_CLOSURE = "x";
    static final String THEMES = "t";
    static final String CONTACTS = "k";
    /** The minutes of counselling contacts by kind. */
    static final String MINUTES = "m";
    static final String PROGRESSIONS = "p";
    static final String CHANCEN = "h";
    /** In a flows document: the referrals of a partner and field, and the days they took to be answered. */
    static final String REFERRALS = "f";
    static final String TO_ANSWER = "a";
    /** In the tenant's document of now: open needs, answered and declined referrals by town and field, places taken per offer. */
    static final String OPEN_NEEDS = "needs";
    static final String ANSWERED = "answered";
    static final String DECLINED = "declined";
    static final String TAKEN = "taken";

    private final Map<String, Map<String, Long>> byDocument = new HashMap<>();

    /** The counts of documents and their fields, e.g. those of one case. */
    Map<String, Map<String, Long>> documents() {
        return byDocument;
    }

    boolean isEmpty() {
        return byDocument.isEmpty();
    }

    void add(String document, String path, long count) {
        Map<String, Long> fields = byDocument.computeIfAbsent(document, d -> new HashMap<>());
        if (fields.merge(path, count, Long::sum) == 0L) {
            fields.remove(path);
            if (fields.isEmpty()) {
                byDocument.remove(document);
            }
        }
    }

    /** A short digest of these counts, the same for the same counts. */
    String digest() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(byDocument).forEach((document, fields) ->
                text.append(document).append(new java.util.TreeMap<>(fields)).append('\n'));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException always) {
            throw new IllegalStateException(always);
        }
    }

    /** Adds all counts of the other. */
    FigureCounts plus(FigureCounts other) {
        other.byDocument.forEach((document, fields) -> fields.forEach((path, n) -> add(document, path, n)));
        return this;
    }

    /** What changes from {@code before} to these: the counts to add to the stored ones. */
    FigureCounts minus(FigureCounts before) {
        FigureCounts difference = new FigureCounts().plus(this);
        before.byDocument.forEach((document, fields) -> fields.forEach((path, n) -> difference.add(document, path, -n)));
        return difference;
    }

    /** The counts of a fact of a kind that is counted (cases, referrals, the immigration office's events); none for others. */
    static FigureCounts of(Facts.Fact fact) {
        if (fact instanceof CaseFact c) {
            return of(c);
        }
        if (fact instanceof Facts.ReferralFact r) {
            return of(r);
        }
        if (fact instanceof EventFact e) {
            return of(e);
        }
        return new FigureCounts();
    }

    /** The counts of a case (none for none, e.g. before it was opened). */
    static FigureCounts of(CaseFact c) {
        FigureCounts counts = new FigureCounts();
        if (c == null) {
            return counts;
        }
        String tenant = c.tenant;
        String town = key(c.town);
        Map<String, String> values = new HashMap<>();
        values.put(SteeringFigures.TARGET_GROUP, c.targetGroup);
        values.put(SteeringFigures.ACCESS_ROUTE, c.accessRoute);
        values.put(SteeringFigures.LEGAL_DOMAIN, legalDomain(c));
        if (c.openedOn != null) {
            String month = monthId(tenant, YearMonth.from(c.openedOn));
            counts.cell(month, town + "." + OPENED, values, 1, SteeringFigures.TARGET_GROUP, SteeringFigures.ACCESS_ROUTE,
                    SteeringFigures.LEGAL_DOMAIN);
            if (c.firstReferralOn != null) {
                counts.add(month, town + "." + TO_FIRST_REFERRAL + "." + key(days(c.openedOn, c.firstReferralOn)), 1);
            }
            if (c.closedOn != null) {
                counts.add(month, town + "." + TO_CLOSURE + "." + key(days(c.openedOn, c.closedOn)), 1);
            }
        }
        if (c.closedOn != null) {
            Map<String, String> closed = new HashMap<>(values);
            closed.put(SteeringFigures.OUTCOME, c.outcome);
            counts.cell(monthId(tenant, YearMonth.from(c.closedOn)), town + "." + CLOSED, closed, 1,
                    SteeringFigures.TARGET_GROUP, SteeringFigures.ACCESS_ROUTE, SteeringFigures.LEGAL_DOMAIN,
                    SteeringFigures.OUTCOME);
        }
        // Open on a day from its opening up to the day before its closure: +1 then, -1 on closing.
        if (c.openedOn != null && (c.closedOn == null || c.closedOn.isAfter(c.openedOn))) {
            Map<String, String> stock = new HashMap<>(values);
            stock.put(SteeringFigures.CASE_MANAGER, c.assignee);
            counts.stock(tenant, town, stock, c.openedOn, 1);
            if (c.closedOn != null) {
                counts.stock(tenant, town, stock, c.closedOn, -1);
            }
        }
        for (NeedFact n : c.needs == null ? java.util.List.<NeedFact>of() : c.needs) {
            if (!n.resolved && "OPEN".equals(c.status)) {
                counts.add(nowId(tenant), OPEN_NEEDS + "." + key(n.town) + "." + key(n.fieldOfAction), 1);
            }
            if (n.assessedOn != null) {
                Map<String, String> need = new HashMap<>(values);
                need.put(SteeringFigures.FIELD_OF_ACTION, n.fieldOfAction);
                counts.cell(monthId(tenant, YearMonth.from(n.assessedOn)), town + "." + NEEDS, need, 1,
                        SteeringFigures.TARGET_GROUP, SteeringFigures.LEGAL_DOMAIN, SteeringFigures.FIELD_OF_ACTION);
            }
        }
        for (EventFact e : c.events == null ? java.util.List.<EventFact>of() : c.events) {
            if (e.day() == null) {
                continue;
            }
            String month = monthId(tenant, YearMonth.from(e.day()));
            String at = key(e.town()) + ".";
            Map<String, String> event = new HashMap<>(values);
            switch (e.type()) {
                case "GoalAchieved" -> {
                    event.put(SteeringFigures.FIELD_OF_ACTION, e.code());
                    counts.cell(month, at + GOALS, event, 1, SteeringFigures.TARGET_GROUP, SteeringFigures.LEGAL_DOMAIN,
                            SteeringFigures.FIELD_OF_ACTION);
                }
                case "DoubleFundingWarned" -> counts.cell(month, at + DOUBLE_FUNDING, event, 1,
                        SteeringFigures.TARGET_GROUP, SteeringFigures.LEGAL_DOMAIN);
                case "LegalDomainsChanged" -> {
                    event.put(SteeringFigures.LEGAL_DOMAIN, e.code());
                    counts.cell(month, at + DOMAIN_CHANGES, event, 1, SteeringFigures.TARGET_GROUP,
                            SteeringFigures.LEGAL_DOMAIN);
                }
                case "ThemeTagged" -> counts.cell(month, at + THEMES, one(SteeringFigures.THEME, e.code()), 1,
                        SteeringFigures.THEME);
                case CounsellingFigures.CONTACT -> {
                    counts.cell(month, at + CONTACTS, one(CounsellingFigures.KIND, e.code()), 1,
                            CounsellingFigures.KIND);
                    counts.add(month, at + MINUTES + "." + key(e.code()), minutes(e.detail()));
                }
                default -> {
                }
            }
        }
        return counts;
    }

    /**
     * What a referral adds: to the flows of its partner and field in the month it was made (by
     * answer, state and reason of declining, and the days to its answer), and now: a place taken
     * of its offer while accepted, an answer (declined or not) in its town and field.
     */
    static FigureCounts of(Facts.ReferralFact r) {
        FigureCounts counts = new FigureCounts();
        if (r == null) {
            return counts;
        }
        String status = r.status == null ? "MADE" : r.status;
        if (r.madeOn != null) {
            String document = flowsId(r.tenant, YearMonth.from(r.madeOn));
            String row = key(r.town) + "." + REFERRALS + "." + key(String.valueOf(r.partnerId)) + "."
                    + key(String.valueOf(r.fieldOfAction));
            Map<String, String> values = new HashMap<>();
            values.put(ReferralFlows.ANSWER, switch (status) {
                case "ACCEPTED", "COMPLETED" -> "ACCEPTED";
                case "DECLINED", "WITHDRAWN" -> status;
                default -> "OPEN";
            });
            values.put(ReferralFlows.STATE, status);
            values.put(ReferralFlows.REASON, "DECLINED".equals(status)
                    ? (r.declineReason == null ? "UNKNOWN" : r.declineReason) : ReferralFlows.NOT_DECLINED);
            counts.cell(document, row, values, 1, ReferralFlows.ANSWER, ReferralFlows.STATE, ReferralFlows.REASON);
            if (r.answeredOn != null) {
                counts.add(document, key(r.town) + "." + TO_ANSWER + "." + key(String.valueOf(r.partnerId)) + "."
                        + key(String.valueOf(r.fieldOfAction)) + "." + key(days(r.madeOn, r.answeredOn)), 1);
            }
        }
        if ("ACCEPTED".equals(r.status) && r.offerId != null) {
            counts.add(nowId(r.tenant), TAKEN + "." + key(r.offerId), 1);
        }
        if (r.answeredOn != null && !"WITHDRAWN".equals(r.status)) {
            String at = key(r.town) + "." + key(r.fieldOfAction);
            counts.add(nowId(r.tenant), ANSWERED + "." + at, 1);
            if ("DECLINED".equals(r.status)) {
                counts.add(nowId(r.tenant), DECLINED + "." + at, 1);
            }
        }
        return counts;
    }

    /** What a countable event of the immigration office adds: a status progression, or a § 104c transition. */
    static FigureCounts of(EventFact e) {
        FigureCounts counts = new FigureCounts();
        if (e == null || e.day() == null) {
            return counts;
        }
        String month = monthId(e.tenant(), YearMonth.from(e.day()));
        String at = key(e.town()) + ".";
        if ("ResidenceStatusProgressed".equals(e.type())) {
            Map<String, String> values = one(SteeringFigures.PATHWAY, e.code());
            values.put(SteeringFigures.TRANSITION, SteeringFigures.transition(e.detail()));
            counts.cell(month, at + PROGRESSIONS, values, 1, SteeringFigures.PATHWAY, SteeringFigures.TRANSITION);
        } else if ("ChancenTransition".equals(e.type())) {
            counts.cell(month, at + CHANCEN, one(SteeringFigures.PATHWAY, e.code()), 1, SteeringFigures.PATHWAY);
        }
        return counts;
    }

    /** The open stock changes on a day: in its month, on its day, and in its year's balance. */
    private void stock(String tenant, String town, Map<String, String> values, LocalDate day, long count) {
        YearMonth month = YearMonth.from(day);
        String[] dimensions = {SteeringFigures.TARGET_GROUP, SteeringFigures.ACCESS_ROUTE, SteeringFigures.LEGAL_DOMAIN,
                SteeringFigures.CASE_MANAGER};
        cell(monthId(tenant, month), town + "." + STOCK, values, count, dimensions);
        cell(daysId(tenant, month), town + "." + dayKey(day.getDayOfMonth()), values, count, dimensions);
        cell(balanceId(tenant), yearKey(day.getYear()) + "." + town, values, count, dimensions);
    }

    /** One count in a cell of a cube: its total and its value of each dimension. */
    private void cell(String document, String prefix, Map<String, String> values, long count, String... dimensions) {
        add(document, prefix + "." + TOTAL, count);
        for (String dimension : dimensions) {
            add(document, prefix + "." + dimension + "." + key(values.get(dimension)), count);
        }
    }

    static String monthId(String tenant, YearMonth month) {
        return tenant + "|" + month;
    }

    static String flowsId(String tenant, YearMonth month) {
        return tenant + "|" + month + "|flows";
    }

    static String nowId(String tenant) {
        return tenant + "|now";
    }

    static String daysId(String tenant, YearMonth month) {
        return tenant + "|" + month + "|days";
    }

    static String balanceId(String tenant) {
        return tenant + "|balance";
    }

    static String dayKey(int day) {
        return "d" + day;
    }

    static String yearKey(int year) {
        return "y" + year;
    }

    /** A town or value as a field name: never empty, never with a dot or a leading dollar. */
    static String key(String value) {
        return value == null ? NONE : KEY + value.replace("%", "%25").replace(".", "%2E");
    }

    /** Whether a field name is a town's or value's (and not the id or the remembered changes). */
    static boolean isKey(String field) {
        return field.startsWith(KEY) || NONE.equals(field);
    }

    /** The town or value of a field name; null for one the fact did not have. */
    static String value(String key) {
        return NONE.equals(key) ? null : key.substring(1).replace("%2E", ".").replace("%25", "%");
    }

    static String legalDomain(CaseFact c) {
        return c.legalDomains == null || c.legalDomains.isEmpty() ? "NONE" : String.join("+", c.legalDomains);
    }

    private static Map<String, String> one(String dimension, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(dimension, value);
        return values;
    }

    /** The minutes of a contact; a contact without a readable duration counts with none. */
    private static long minutes(String detail) {
        try {
            return Long.parseLong(detail);
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    private static String days(LocalDate from, LocalDate to) {
        return String.valueOf(ChronoUnit.DAYS.between(from, to));
    }
}
