package de.kim.cases.web;

import de.kim.cases.web.docs.StaffApiDocs;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.Role;
import de.kim.platform.readmodel.ListPage;
import de.kim.platform.readmodel.ListPaging;
import de.kim.platform.readmodel.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import de.kim.platform.web.StaffNames;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
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

    /** A colleague as a page names them. */
    public record Colleague(String userId, String name, List<Role> roles) {
    }

    @Override
    @GetMapping("/api/staff")
    public ListPage<Colleague> colleagues(@RequestParam(required = false) String role,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String size) {
        PageRequest paging = ListPaging.of(page, size, null, List.of("name"), false);
        Role asked = role(role);
        String tenant = actors.require().tenant().value();
        List<Colleague> found = staff.members(tenant, asked, paging.offset(), paging.size()).stream()
                .map(member -> new Colleague(member.userId(), member.name(), member.roles().stream().sorted().toList()))
                .toList();
        return new ListPage<>(found, staff.count(tenant, asked), paging.number(), paging.size());
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        return Role.of(role.trim()).filter(CASE_MANAGEMENT::contains)
                .orElseThrow(() -> new InvalidInputException("role", "staff.role.invalid"));
    }
}
