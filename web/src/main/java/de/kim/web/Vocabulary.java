package de.kim.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.Map;

/** The codes the forms offer, as the services define them; the labels are in the messages. */
@ControllerAdvice
public class Vocabulary {

    static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("targetGroup", List.of("NEWLY_ARRIVED", "ASYLUM_SEEKERS", "TOLERATED", "YOUNG_ADULTS", "FAMILIES", "OTHER")),
            Map.entry("accessRoute", List.of("SELF", "JOBCENTER", "EMPLOYMENT_AGENCY", "IMMIGRATION_OFFICE",
                    "YOUTH_WELFARE_OFFICE", "SOCIAL_WELFARE_OFFICE", "SCHOOL", "MIGRATION_COUNSELLING", "NETWORK_PARTNER", "OTHER")),
            Map.entry("field", List.of("LANGUAGE", "EDUCATION_SCHOOL", "TRAINING_WORK", "HOUSING", "HEALTH", "FAMILY_CHILDREN",
                    "RESIDENCE_LEGAL", "BENEFITS_FINANCES", "SOCIAL_PARTICIPATION")),
            Map.entry("priority", List.of("HIGH", "MEDIUM", "LOW")),
            Map.entry("purpose", List.of("REFERRAL", "COORDINATION", "RESIDENCE_MATTERS")),
            Map.entry("category", List.of("IDENTITY", "CONTACT", "LANGUAGES", "NEEDS", "RESIDENCE_STATUS", "ACHIEVEMENTS",
                    "HEALTH", "YOUTH_WELFARE_ENTRUSTED")),
            Map.entry("legalDomain", List.of("SGB_II", "SGB_III", "SGB_VIII", "SGB_XII", "ASYLBLG", "AUFENTHG")),
            Map.entry("measure", List.of("LANGUAGE_COURSE", "INTEGRATION_COURSE", "VOCATIONAL_LANGUAGE_COURSE", "JOB_COACHING",
                    "VOCATIONAL_TRAINING", "QUALIFICATION_RECOGNITION", "CHILDCARE", "HOUSING_SUPPORT", "COUNSELLING",
                    "HEALTH_SUPPORT", "OTHER")),
            Map.entry("achievement", List.of("LANGUAGE_CERTIFICATE", "SECURED_LIVELIHOOD", "EMPLOYMENT", "SCHOOL_ATTENDANCE",
                    "SCHOOL_DEGREE", "VOCATIONAL_DEGREE", "INTEGRATION_COURSE", "ORIENTATION_COURSE", "NATURALISATION_TEST")),
            Map.entry("outcome", List.of("GOALS_REACHED", "MOVED_AWAY", "NO_CONTACT", "HANDED_TO_REGULAR_SERVICE", "OTHER")),
            Map.entry("declineReason", List.of("NO_CAPACITY", "NOT_ELIGIBLE", "CLIENT_NOT_REACHED", "CLIENT_DECLINED",
                    "OFFER_NOT_SUITABLE", "OTHER")),
            Map.entry("result", List.of("GOAL_REACHED", "PARTIALLY_REACHED", "DROPPED_OUT", "OTHER")),
            Map.entry("partnerKind", List.of("JOBCENTER", "EMPLOYMENT_AGENCY", "YOUTH_WELFARE_OFFICE", "SOCIAL_WELFARE_OFFICE",
                    "MIGRATION_COUNSELLING", "LANGUAGE_COURSE_PROVIDER", "WELFARE_ORGANISATION", "SCHOOL", "HEALTH_SERVICE", "OTHER")),
            Map.entry("statusType", List.of("AUFENTHALTSGESTATTUNG", "DULDUNG", "AUFENTHALTSERLAUBNIS",
                    "NIEDERLASSUNGSERLAUBNIS", "ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU", "EINBUERGERUNG")),
            Map.entry("pathway", List.of("AUFENTHG_25A", "AUFENTHG_25B", "AUFENTHG_104C", "AUFENTHG_9", "STAG_10")),
            Map.entry("measureStatus", List.of("PLANNED", "UNDER_WAY", "DONE", "DROPPED")),
            Map.entry("metric", List.of("CASES_OPENED", "CASES_CLOSED", "NEEDS_ASSESSED", "GOALS_REACHED", "REFERRALS_MADE",
                    "REFERRALS_ACCEPTED", "DOUBLE_FUNDING_WARNINGS", "OPEN_GAPS")),
            Map.entry("direction", List.of("AT_LEAST", "AT_MOST")),
            Map.entry("contactKind", List.of("IN_PERSON", "PHONE", "VIDEO", "HOME_VISIT", "ACCOMPANIMENT", "EMAIL")),
            Map.entry("decisionBody", List.of("STEERING_GROUP", "PROJECT_GROUP")));

    @ModelAttribute("codes")
    public Map<String, List<String>> codes() {
        return CODES;
    }
}
