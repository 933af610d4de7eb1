package de.kim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The officer's list of residence records: what the address asks for ({@code suche}, {@code status},
 * {@code ablauf} in days, {@code meine}, {@code weg}: a pathway met today or within six months,
 * {@code ordnung}: the order, {@code seite}) and the call to immigration-office-service it
 * becomes. Only fixed choices and the search text (sent as a parameter, never pasted into the address)
 * reach the API.
 */
final class RecordList {

    static final int PAGE_SIZE = 50;
    /** The expiry windows offered, in days. */
    static final List<String> EXPIRY_DAYS = List.of("30", "90", "180", "365");
    /** The orders offered ({@code ordnung}) and the API's {@code sort} each asks for; by Aktenzeichen when none is chosen. */
    static final Map<String, String> ORDERS = Map.of("ablauf", "validUntil", "name", "familyName");

    private RecordList() {
    }

    /** The filter as shown in the form; empty strings where nothing is chosen. */
    record Filter(String suche, String status, String ablauf, boolean meine, String weg, String ordnung) {

        static Filter of(String suche, String status, String ablauf, String meine, String weg, String ordnung) {
            String chosenStatus = status != null && Vocabulary.CODES.get("statusType").contains(status)
                    ? status : "";
            return new Filter(suche == null ? "" : suche.trim(), chosenStatus,
                    ablauf != null && EXPIRY_DAYS.contains(ablauf) ? ablauf : "", "on".equals(meine) || "true".equals(meine),
                    weg != null && Vocabulary.CODES.get("pathway").contains(weg) ? weg : "",
                    ordnung != null && ORDERS.containsKey(ordnung) ? ordnung : "");
        }
    }

    /** The API address with a placeholder for each filter in use. */
    static String template(Filter filter) {
        StringBuilder template = new StringBuilder("/api/residence-records?page={page}&size={size}");
        if (!filter.suche().isEmpty()) {
            template.append("&q={q}");
        }
        if (!filter.status().isEmpty()) {
            template.append("&statusType={statusType}");
        }
        if (!filter.ablauf().isEmpty()) {
            template.append("&expiringWithinDays={days}");
        }
        if (filter.meine()) {
            template.append("&officer={officer}");
        }
        if (!filter.weg().isEmpty()) {
            template.append("&pathway={pathway}");
        }
        if (!filter.ordnung().isEmpty()) {
            template.append("&sort={sort}");
        }
        return template.toString();
    }

    static Map<String, Object> query(Filter filter, int page, String username) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page - 1);
        query.put("size", PAGE_SIZE);
        query.put("q", filter.suche());
        query.put("statusType", filter.status());
        query.put("days", filter.ablauf());
        query.put("officer", username);
        query.put("pathway", filter.weg());
        query.put("sort", ORDERS.getOrDefault(filter.ordnung(), ""));
        return query;
    }

    /** A page number from the address: 1 for anything that is not a page. */
    static int page(String seite) {
        try {
            return seite == null ? 1 : Math.max(1, Math.min(Integer.parseInt(seite.trim()), 100_000));
        } catch (NumberFormatException notAPage) {
            return 1;
        }
    }
}
