package de.kim.contracts.vocabulary;

/** A category of a client's data that a consent may release to a recipient. */
public enum DataCategory {
    /** Name and date of birth. */
    IDENTITY,
    /** Phone, e-mail, address. */
    CONTACT,
    /** Languages spoken. */
    LANGUAGES,
    /** The need a referral is about. */
    NEEDS,
    /** Residence status. */
    RESIDENCE_STATUS,
    /** Integration achievements (certificates, employment). */
    ACHIEVEMENTS,
    /** Health information (special category, GDPR Art. 9). */
    HEALTH,
    /** Data entrusted to youth welfare (§ 65 SGB VIII): never goes to the immigration office. */
    YOUTH_WELFARE_ENTRUSTED
}
