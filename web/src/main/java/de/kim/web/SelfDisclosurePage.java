package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.contracts.vocabulary.IsoNames;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A client's self-disclosure (Art. 15 GDPR) as a person reads it: what case management holds
 * about them and who accessed their data, in words. Built from case-service's JSON: codes become
 * labels, countries and languages their names, dates {@code dd.MM.yyyy} and times in
 * Europe/Berlin; no id, code or empty value is shown.
 */
public final class SelfDisclosurePage {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");
    static final String NONE = "–";
    static final List<String> OTHER_SERVICES = List.of("partner-service", "immigration-office-service");

    /** A labelled value of the person. */
    public record Field(String label, String value) {
    }

    /** A table: its heading, column headings (message keys) and rows of shown text. */
    public record Table(String id, String title, List<String> columns, List<List<String>> rows) {
    }

    public record Page(String createdAt, List<Field> person, List<Table> file, List<Table> accesses) {
    }

    private final Labels labels;
    private final Function<String, String> text;
    private final Map<?, ?> partnerNames;
    private final Locale locale;

    /**
     * @param text         a message of the web front end by its key, in the user's language
     * @param partnerNames the tenant's partners' names by their ids
     */
    public SelfDisclosurePage(Labels labels, Function<String, String> text, Map<?, ?> partnerNames, Locale locale) {
        this.labels = labels;
        this.text = text;
        this.partnerNames = partnerNames;
        this.locale = locale;
    }

    public Page of(JsonNode disclosure) {
        JsonNode file = disclosure.path("caseFile");
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("case", "disclosure.case", List.of("col.status", "disclosure.openedOn", "disclosure.closedOn",
                "col.targetGroup", "case.accessRoute"), List.of(List.of(label("case." + file.path("status").asText()),
                date(file.path("openedOn")), date(file.path("closedOn")), label(file.path("targetGroup").asText()),
                label(file.path("accessRoute").asText())))));
        tables.add(table("consents", "disclosure.consents", file.path("consents"),
                List.of("disclosure.recipient", "disclosure.purposes", "disclosure.categories", "disclosure.givenOn",
                        "disclosure.validUntil", "disclosure.revokedOn"),
                c -> List.of(recipient(c.path("recipient").asText()), labels(c.path("purposes")),
                        labels(c.path("dataCategories")), date(c.path("givenOn")), date(c.path("validUntil")),
                        date(c.path("revokedOn")))));
        tables.add(table("needs", "file.needs", file.path("needs"), List.of("col.field", "file.description", "col.status"),
                n -> List.of(label(n.path("fieldOfAction").asText()), shown(n.path("description")),
                        label("need." + n.path("status").asText()))));
        tables.add(table("goals", "disclosure.goals", file.path("plan").path("goals"),
                List.of("col.field", "file.description", "disclosure.targetDate", "col.status"),
                g -> List.of(label(g.path("fieldOfAction").asText()), shown(g.path("description")),
                        date(g.path("targetDate")), label("goal." + g.path("status").asText()))));
        tables.add(table("referrals", "file.referrals", file.path("referrals"),
                List.of("col.partner", "col.field", "col.madeOn", "col.status"),
                r -> List.of(partner(r.path("partnerId").asText()), label(r.path("fieldOfAction").asText()),
                        date(r.path("madeOn")), label("referral." + r.path("status").asText()))));
        tables.add(table("measures", "file.measures", file.path("measures"), List.of("col.kind", "col.period", "col.status"),
                m -> List.of(label(m.path("kind").asText()), date(m.path("from")) + " – " + date(m.path("to")),
                        label("measure." + m.path("status").asText()))));
        tables.add(table("achievements", "disclosure.achievements", file.path("achievements"),
                List.of("col.kind", "disclosure.level", "disclosure.achievedOn"),
                a -> List.of(label(a.path("kind").asText()), shown(a.path("level")), date(a.path("achievedOn")))));
        tables.add(table("contacts", "file.contacts", file.path("contacts"),
                List.of("contact.on", "contact.kind", "contact.duration", "contact.interpreter", "contact.participants",
                        "contact.note"),
                k -> List.of(date(k.path("contactOn")), label(k.path("kind").asText()),
                        k.path("durationMinutes").asInt() + " " + text.apply("disclosure.minutes"),
                        k.path("interpreterLanguage").isTextual() ? language(k.path("interpreterLanguage").asText())
                                : text.apply("contact.noInterpreter"),
                        shown(k.path("participants")), shown(k.path("note")))));
        tables.add(table("history", "file.history", disclosure.path("history"), List.of("col.when", "col.who", "col.what"),
                h -> List.of(time(h.path("time")), shown(h.path("actor")), shown(h.path("text")))));

        List<Table> accesses = new ArrayList<>();
        accesses.add(accessTable("case-service", disclosure.path("accesses")));
        for (String service : OTHER_SERVICES) {
            accesses.add(accessTable(service, disclosure.path("otherServices").path(service)));
        }
        return new Page(time(disclosure.path("createdAt")), person(file.path("client")), tables, accesses);
    }

    private List<Field> person(JsonNode client) {
        List<Field> fields = new ArrayList<>();
        if (client.isMissingNode() || client.isNull()) {
            fields.add(new Field(text.apply("disclosure.client"), text.apply("disclosure.erased")));
            return fields;
        }
        fields.add(new Field(text.apply("case.givenName"), shown(client.path("givenName"))));
        fields.add(new Field(text.apply("case.familyName"), shown(client.path("familyName"))));
        fields.add(new Field(text.apply("case.dateOfBirth"), date(client.path("dateOfBirth"))));
        fields.add(new Field(text.apply("disclosure.nationality"), country(client.path("nationality").asText(null))));
        List<String> languages = new ArrayList<>();
        client.path("languages").forEach(language -> languages.add(language(language.asText())));
        fields.add(new Field(text.apply("disclosure.languages"), languages.isEmpty() ? NONE : String.join(", ", languages)));
        fields.add(new Field(text.apply("case.town"), shown(client.path("town"))));
        JsonNode contact = client.path("contact");
        fields.add(new Field(text.apply("disclosure.phone"), shown(contact.path("phone"))));
        fields.add(new Field(text.apply("disclosure.email"), shown(contact.path("email"))));
        fields.add(new Field(text.apply("disclosure.address"), shown(contact.path("address"))));
        return fields;
    }

    private Table accessTable(String service, JsonNode entries) {
        return table("accesses-" + service, "disclosure.service." + service, entries,
                List.of("col.when", "col.who", "audit.roles", "audit.action", "audit.purpose"),
                e -> List.of(time(e.path("at")), shown(e.path("actor")), roles(e.path("roles").asText("")),
                        label(e.path("action").asText()), label(e.path("purpose").asText())));
    }

    private Table table(String id, String title, JsonNode items, List<String> columns, Function<JsonNode, List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(item -> rows.add(row.apply(item)));
        }
        return new Table(id, title, columns, rows);
    }

    private String roles(String roles) {
        List<String> shown = new ArrayList<>();
        for (String role : roles.split(",")) {
            if (!role.isBlank()) {
                shown.add(label(role.trim()));
            }
        }
        return shown.isEmpty() ? NONE : String.join(", ", shown);
    }

    private String labels(JsonNode codes) {
        List<String> shown = new ArrayList<>();
        codes.forEach(code -> shown.add(label(code.asText())));
        return shown.isEmpty() ? NONE : String.join(", ", shown);
    }

    private String recipient(String recipient) {
        if ("IMMIGRATION_OFFICE".equals(recipient) || "immigration-office".equals(recipient)) {
            return label("IMMIGRATION_OFFICE");
        }
        return partner(recipient);
    }

    private String partner(String partnerId) {
        Object name = partnerNames.get(partnerId);
        return name == null ? text.apply("disclosure.aPartner") : String.valueOf(name);
    }

    /** A code's label; a code without one is not shown as such. */
    private String label(String code) {
        if (code == null || code.isBlank() || "null".equals(code)) {
            return NONE;
        }
        String label = labels.of(code);
        return label.equals(code) ? text.apply("disclosure.unnamed") : label;
    }

    private String country(String iso3) {
        if (iso3 == null || iso3.isBlank()) {
            return NONE;
        }
        return IsoNames.country(iso3, locale).orElseGet(() -> text.apply("disclosure.unnamed"));
    }

    private String language(String code) {
        return IsoNames.language(code, locale).orElseGet(() -> text.apply("disclosure.unnamed"));
    }

    static String shown(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? NONE : value.asText();
    }

    static String date(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? NONE
                : DATE.format(LocalDate.parse(value.asText().substring(0, 10)));
    }

    static String time(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? NONE
                : TIME.format(Instant.parse(value.asText()).atZone(BERLIN));
    }
}
