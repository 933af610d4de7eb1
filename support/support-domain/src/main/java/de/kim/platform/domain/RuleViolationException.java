package de.kim.platform.domain;

/** The command is well-formed but a rule of the domain forbids it, e.g. a referral without consent (422). */
public class RuleViolationException extends KimException {

    private final String rule;

    public RuleViolationException(String rule, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String problemType() {
        return "rule-violated";
    }
}
