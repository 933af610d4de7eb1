package de.kim.cases.web;

import de.kim.cases.web.docs.StaffApiDocs;
import de.kim.platform.domain.Role;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.RequestActorResolver;
import de.kim.platform.web.StaffNames;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * The colleagues in case management of the signed-in person's tenant, by name, a page at a time: whom
 * a case can be assigned or handed over to, and the names the pages show for the user ids the cases
 * keep. Known are those who have signed in to the platform since this service learns names
 * ({@link StaffNames}); {@code role} narrows them to case managers or leads.
 */
@RestController
public class StaffController implements StaffApiDocs {

    /** The roles whose names case-service learns and shows. */
    public static final Set<Role> CASE_MANAGEMENT = Set.of(Role.CASE_MANAGER, Role.CASE_MANAGEMENT_LEAD);

    private final StaffNames staff;
    private final RequestActorResolver actors;

    public StaffController(StaffNames staff, RequestActorResolver actors) {
        this.staff = staff;
        this.actors = actors;
    }

    @Override
    @GetMapping("/api/staff")
    public ListPage<StaffNames.Member> colleagues(@RequestParam(required = false) String role,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String size) {
        return staff.page(actors.require().tenant().value(), role, page, size);
    }
}
