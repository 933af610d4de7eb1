package de.kim.immigration.web;

import de.kim.immigration.web.docs.OfficerApi;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.RequestActorResolver;
import de.kim.platform.web.StaffNames;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officers of the signed-in officer's tenant, by name, a page at a time: whom a record can be
 * assigned to, and the names the pages show for the user ids the records keep ({@link StaffNames}).
 */
@RestController
public class OfficerController implements OfficerApi {

    private final StaffNames officers;
    private final RequestActorResolver actors;

    public OfficerController(StaffNames officers, RequestActorResolver actors) {
        this.officers = officers;
        this.actors = actors;
    }

    @Override
    @GetMapping("/api/officers")
    public ListPage<StaffNames.Member> officers(@RequestParam(required = false) String page,
                                                @RequestParam(required = false) String size) {
        return officers.page(actors.require().tenant().value(), null, page, size);
    }
}
