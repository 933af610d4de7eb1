package de.kim.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that read or change a client's personal data: each call is written to the
 * audit trail, naming the record by the path variable {@link #subject()} (an id, never data).
 * On a class, it holds for every endpoint of the controller.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** The path variable that holds the id of the record concerned. */
    String subject() default "id";

    /**
     * For an endpoint that answers a list: the accessor (or field) of each element that holds the
     * id of the record shown; each gets an entry of its own.
     */
    String item() default "id";

    /**
     * Whether a list answered records one entry per element even though the path names a record
     * too (a partner's inbox: one entry per referral shown, not one for the partner).
     */
    boolean perItem() default false;
}
