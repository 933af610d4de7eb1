package de.kim.bench;

import de.kim.cases.command.CaseNumbers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Decides, before any history is written, what each seeded case is: its tenant (most in Kreis
 * Mettmann, the rest in the demo Kreis), the day it opened (spread evenly over ten years up to
 * today), whether and when it closed (nearly every case older than a year and a half, fewer of the
 * younger ones), its case manager (many invented ones; about {@code demoOpen} open cases for the
 * demo case manager the benchmarks sign in as, so that his list is a real one; a few cases handed
 * over from another), its Aktenzeichen (counted per tenant and year in the order of opening, after
 * the numbers the store has given already), and cases with a long history (hundreds of events
 * each) for the demo case manager: the first of them is the one the queries read, the others let
 * as many clients command a long case each.
 */
final class CasePlans {

    static final String KREIS = "kreis-mettmann";
    static final String OTHER = "kreis-musterland";
    /** The demo case manager of the benchmarks and the README. */
    static final String DEMO_CASE_MANAGER = "fallmanagement.mettmann";
    static final int YEARS = 10;
    private static final double SHARE_OF_KREIS = 0.85;
    private static final int MANAGERS_OF_KREIS = 48;
    private static final int MANAGERS_OF_OTHER = 12;
    private static final int LONG_CASE_CONTACTS = 230;

    /** The plans, in the order of their opening, and the cases with a long history (the first: {@link #longCase}). */
    record Plans(List<CaseHistories.Plan> cases, List<CaseHistories.Plan> longCases, Map<String, Long> lastNumbers) {
        CaseHistories.Plan longCase() {
            return longCases.get(0);
        }
    }

    private record Draft(int index, long seed, String tenant, String town, LocalDate openedOn, LocalDate closedOn,
                         int contacts) {
    }

    private CasePlans() {
    }

    /**
     * @param longCases    how many cases get a long history (at least one)
     * @param numbersGiven the last number given per {@code tenant/year} (the store's counter), to count on from
     */
    static Plans plan(int count, long seed, LocalDate today, int demoOpen, int longCases,
                      Map<String, Long> numbersGiven) {
        Random random = new Random(seed);
        Map<String, List<String>> towns = Map.of(KREIS, InventedPeople.towns(KREIS), OTHER, InventedPeople.towns(OTHER));
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String tenant = random.nextDouble() < SHARE_OF_KREIS ? KREIS : OTHER;
            int age = random.nextInt(YEARS * 365);
            LocalDate opened = today.minusDays(age);
            boolean closed = age > 540 ? random.nextInt(20) != 0 : random.nextDouble() < 0.7 * age / 540;
            LocalDate closedOn = null;
            if (closed) {
                int lasted = 60 + random.nextInt(Math.max(1, Math.min(age - 1, 720) - 59));
                closedOn = opened.plusDays(Math.min(lasted, age - 1));
            }
            long days = ChronoUnit.DAYS.between(opened, closedOn != null ? closedOn : today);
            int contacts = (int) Math.max(1, Math.min(8, days / 90));
            drafts.add(new Draft(i, seed * 1_000_003L + i, tenant, InventedPeople.pick(random, towns.get(tenant)),
                    opened, closedOn, contacts));
        }
        long openInKreis = drafts.stream().filter(d -> d.tenant().equals(KREIS) && d.closedOn() == null).count();
        double demoShare = openInKreis == 0 ? 0 : Math.min(1.0, demoOpen / (double) openInKreis);
        List<String> kreisManagers = managers(random, MANAGERS_OF_KREIS, "mettmann");
        List<String> otherManagers = managers(random, MANAGERS_OF_OTHER, "musterland");
        otherManagers.add("fallmanagement.musterland");

        Map<String, Long> numbers = new HashMap<>(numbersGiven);
        List<CaseHistories.Plan> plans = new ArrayList<>(count + 1);
        LocalDate longOpened = today.minusYears(3);
        List<Draft> longDrafts = new ArrayList<>();
        for (int k = 0; k < Math.max(1, longCases); k++) {
            longDrafts.add(new Draft(count + k, seed * 1_000_003L + count + k, KREIS, towns.get(KREIS).get(0),
                    longOpened, null, LONG_CASE_CONTACTS));
        }
        List<Draft> inOrder = new ArrayList<>(drafts);
        inOrder.addAll(longDrafts);
        inOrder.sort(Comparator.comparing(Draft::openedOn).thenComparingInt(Draft::index));
        int demoOpenGiven = 0;
        List<CaseHistories.Plan> longPlans = new ArrayList<>();
        for (Draft d : inOrder) {
            boolean isLong = d.index() >= count;
            Random own = new Random(d.seed() ^ 0x5eedL);
            String caseId = CaseHistories.uuid(own);
            String assignee;
            if (isLong) {
                assignee = DEMO_CASE_MANAGER;
            } else if (d.tenant().equals(KREIS)) {
                boolean demo = d.closedOn() == null ? own.nextDouble() < demoShare && demoOpenGiven < demoOpen
                        : own.nextInt(MANAGERS_OF_KREIS) == 0;
                assignee = demo ? DEMO_CASE_MANAGER : InventedPeople.pick(own, kreisManagers);
                if (demo && d.closedOn() == null) {
                    demoOpenGiven++;
                }
            } else {
                assignee = InventedPeople.pick(own, otherManagers);
            }
            List<String> colleagues = d.tenant().equals(KREIS) ? kreisManagers : otherManagers;
            String first = own.nextInt(16) == 0 ? InventedPeople.pick(own, colleagues) : assignee;
            String counter = d.tenant() + "/" + d.openedOn().getYear();
            long number = numbers.merge(counter, 1L, Long::sum);
            CaseHistories.Plan plan = new CaseHistories.Plan(d.seed(), caseId, d.tenant(),
                    CaseNumbers.format(d.openedOn().getYear(), number), d.town(), d.openedOn(), d.closedOn(), assignee,
                    first, d.contacts(), d.index() == count ? "Schröder" : null);
            plans.add(plan);
            if (isLong) {
                longPlans.add(plan);
            }
        }
        return new Plans(plans, longPlans, numbers);
    }

    /** Invented case managers' user names, e.g. {@code fm.koehler.mettmann}. */
    private static List<String> managers(Random random, int count, String place) {
        List<String> names = new ArrayList<>();
        while (names.size() < count) {
            String name = "fm." + InventedPeople.fold(InventedPeople.pick(random, InventedPeople.FAMILY_NAMES))
                    + (names.size() + 1) + "." + place;
            names.add(name);
        }
        return names;
    }
}
