package de.kim.steering.web.docs;

import de.kim.steering.query.Figure;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.Gap;
import de.kim.steering.query.ReferralFlows.ReferralFlow;
import de.kim.steering.query.SteeringFigures.StatusProgressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The OpenAPI documentation of the steering figures. */
@Tag(name = "Kennzahlen", description = "The figures the Lenkungsgruppe decides from: counts only, cells below 5 "
        + "shown as \"<5\", never a person. Periods are months, `from` and `to` as `YYYY-MM`.")
public interface FiguresApi {

    String PERIOD = " Limit to months with `from` and `to` (`YYYY-MM`, both optional).";

    @Operation(summary = "Cases opened and closed",
            description = "Cases opened and closed, needs assessed and goals reached, grouped by `month` (default), "
                    + "`town`, `target-group` (Zielgruppe), `field-of-action` (Handlungsfeld) or `legal-domain` "
                    + "(Rechtskreis), optionally for one town." + PERIOD)
    CaseFigures figures(String from, String to, String town, String groupBy);

    @Operation(summary = "Referral flows",
            description = "Which Netzwerkpartner receive referrals (Verweisungen) from Fallmanagement, how many they "
                    + "accept or decline and how long a client waits for the answer." + PERIOD)
    List<ReferralFlow> referralFlows(String from, String to, String town);

    @Operation(summary = "Gaps in the offers",
            description = "Lücken: needs per town and Handlungsfeld for which no partner offer with free capacity "
                    + "exists in the client's town, the material for the Handlungskonzept.")
    List<Gap> gaps();

    @Operation(summary = "Residence status progressions",
            description = "How many people of the Ausländerbehörde's records moved on to a secure status (Bleiberecht, "
                    + "Verstetigung), by pathway (§ 25a, § 25b, § 104c AufenthG, § 10 StAG)." + PERIOD)
    StatusProgressions statusProgressions(String from, String to);

    @Operation(summary = "Generative themes",
            description = "The structural barriers case managers tagged on cases (e.g. no language course with child "
                    + "care in a town), counted and anonymised: the material for Projektgruppen and "
                    + "Fallrekonstruktionen." + PERIOD)
    Figure themes(String from, String to);
}
