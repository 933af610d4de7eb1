package de.kim.platform.web;

import de.kim.platform.config.Schemas;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The names of a tenant's staff as a person reads them ("Clara Fallmann"), for whatever names a member
 * of staff: a case names its case manager, a residence record its officer, by user id, and the platform
 * keeps no list of its users (the sign-in server does). So a service learns each person's name and
 * roles from the claims of the token they sign in with, on each of their requests to it (written only
 * when new or changed, and the day they were seen once a day), for the roles it names staff by. The lists
 * to choose from hold those seen within {@link #CHOOSABLE_FOR}: who left the Kommune (or the role) drops
 * out of them, while their name still stands where they acted. Staff acting in their office, not clients:
 * their names are kept plainly, as the steering group's members' are. A service that uses it declares
 * it as a bean; it registers itself for the service's {@code /api/**} requests.
 */
public class StaffNames implements HandlerInterceptor, WebMvcConfigurer {

    static final String NAME_CLAIM = "name";
    /** The longest name kept; a longer claim is cut. */
    static final int LONGEST_NAME = 200;
    /** How long after their last request a member of staff can still be chosen. */
    static final Period CHOOSABLE_FOR = Period.ofMonths(12);

    /** A member of staff as the pages name them. */
    public record Member(String userId, String name, Set<Role> roles) {
    }

    private final JdbcTemplate jdbc;
    private final Set<Role> learned;
    private final Clock clock;
    /** The names, roles and day already stored, by tenant and user: most requests then write nothing. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    /** @param learned the roles of the people whose names this service learns and shows */
    public StaffNames(JdbcTemplate jdbc, Set<Role> learned, Clock clock) {
        this.jdbc = jdbc;
        this.learned = EnumSet.copyOf(learned);
        this.clock = clock;
        Schemas.migrate(jdbc.getDataSource(), "staff-names");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Learns the name of the person who sends the request, if the token names them and they hold a learned role. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String name = jwt.getClaimAsString(NAME_CLAIM);
            if (name == null || name.isBlank()) {
                return true;
            }
            var actor = RequestActorResolver.of(jwt);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(actor.roles());
            roles.retainAll(learned);
            if (!roles.isEmpty()) {
                learn(actor.tenant().value(), actor.userId(), name.strip(), roles);
            }
        }
        return true;
    }

    void learn(String tenant, String userId, String name, Set<Role> roles) {
        String key = tenant + "\u0000" + userId;
        String shown = name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
        String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", ",", ","));
        LocalDate today = LocalDate.now(clock);
        String stored = shown + "\u0000" + roleList + "\u0000" + today;
        if (stored.equals(known.get(key))) {
            return;
        }
        String update = "update kim_staff_name set name = ?, roles = ?, seen_on = ? where tenant = ? and user_id = ?";
        if (jdbc.update(update, shown, roleList, today, tenant, userId) == 0) {
            try {
                jdbc.update("insert into kim_staff_name (tenant, user_id, name, roles, seen_on) values (?, ?, ?, ?, ?)",
                        tenant, userId, shown, roleList, today);
            } catch (DuplicateKeyException sameMomentElsewhere) {
                jdbc.update(update, shown, roleList, today, tenant, userId);
            }
        }
        known.put(key, stored);
    }

    /** The names of the tenant's staff known so far, by user id, whenever they were seen last. */
    public Map<String, String> of(String tenant) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select user_id, name from kim_staff_name where tenant = ?",
                row -> {
                    names.put(row.getString(1), row.getString(2));
                }, tenant);
        return names;
    }

    /**
     * One page of the tenant's staff who can be chosen (seen within {@link #CHOOSABLE_FOR}), by name
     * ({@code page} from 0, {@code size} 1 to 200): {@code role}, one of the roles this service learns,
     * narrows them; another is a 400 problem.
     */
    public ListPage<Member> page(String tenant, String role, String page, String size) {
        PageRequest paging = ListPaging.of(page, size);
        Role asked = role(role);
        return new ListPage<>(members(tenant, asked, paging.offset(), paging.size()), count(tenant, asked),
                paging.number(), paging.size());
    }

    private Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        return Role.of(role.trim()).filter(learned::contains).orElseThrow(() -> new InvalidInputException("role",
                "staff.role.invalid", learned.stream().map(Role::name).collect(Collectors.joining(", "))));
    }

    /** How many of the tenant's staff who can be chosen hold the role (any learned role if null). */
    long count(String tenant, Role role) {
        Long count = jdbc.queryForObject("select count(*) from kim_staff_name where tenant = ? and roles like ?"
                + " and seen_on >= ?", Long.class, tenant, pattern(role), choosableSince());
        return count == null ? 0 : count;
    }

    /** Of the tenant's staff who can be chosen and hold the role (any if null), by name, those from the offset on. */
    List<Member> members(String tenant, Role role, long offset, int limit) {
        return jdbc.query("select user_id, name, roles from kim_staff_name where tenant = ? and roles like ?"
                        + " and seen_on >= ? order by name, user_id offset ? rows fetch next ? rows only",
                (row, n) -> new Member(row.getString(1), row.getString(2), roles(row.getString(3))),
                tenant, pattern(role), choosableSince(), offset, limit);
    }

    private LocalDate choosableSince() {
        return LocalDate.now(clock).minus(CHOOSABLE_FOR);
    }

    private static String pattern(Role role) {
        return role == null ? "%" : "%," + role.name() + ",%";
    }

    private static Set<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(list.split(",")).map(Role::of).forEach(role -> role.ifPresent(roles::add));
        return roles;
    }
}
