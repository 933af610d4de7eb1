package de.kim.bench;

import java.time.LocalDate;
import java.time.ZoneId;

/** The request bodies of the benchmark, as the end-to-end tests send them (invented people only). */
final class Bodies {

    static final String PARTNER = "demo-partner-mettmann";
    static final String ASSIGNEE = "fallmanagement.mettmann";

    private Bodies() {
    }

    /** The same invented person every time: each opening confirms the duplicate warning. */
    static String openCase(String town) {
        return """
                {"client":{"givenName":"Layla","familyName":"Erfunden","dateOfBirth":"1994-06-01","nationality":"AFG",\
                "languages":["fa","de"],"town":"%s","contact":{"email":"layla@example.org"}},\
                "targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","assignee":"%s","confirmDuplicate":true}"""
                .formatted(town, ASSIGNEE);
    }

    static String partner() {
        return """
                {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG","SGB_II"],\
                "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"contact":{"email":"kurse@vhs.example"},\
                "agreement":{"signedOn":"2025-01-15","validUntil":"2027-12-31"}}""";
    }

    /** An offer with the largest capacity the API takes, so that no referral of a run is beyond capacity. */
    static String offer() {
        return """
                {"title":"Deutsch B1 (Benchmark)","fieldOfAction":"LANGUAGE","languages":["de","ar","fa"],\
                "town":"Velbert","capacity":100000}""";
    }

    static String consent(String partner) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        return """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","LANGUAGES"],\
                "form":"WRITTEN","givenOn":"%s","validUntil":"%s","evidenceReference":"Benchmark"}"""
                .formatted(partner, today, today.plusYears(1));
    }

    static String need() {
        return "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\"}";
    }

    /** A talk at the office today, with a short note (sealed with the client's key by case-service). */
    static String contact() {
        return """
                {"contactOn":"%s","kind":"IN_PERSON","durationMinutes":30,\
                "note":"Gespräch zum Sprachkurs, Unterlagen besprochen (Benchmark)"}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/Berlin")));
    }

    static String referral(String partner, String offer, String need) {
        return "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, offer, need);
    }
}
