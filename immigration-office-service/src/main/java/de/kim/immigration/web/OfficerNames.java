package de.kim.immigration.web;

import de.kim.platform.config.Schemas;
import de.kim.platform.domain.Role;
import de.kim.platform.web.RequestActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The officers' names as a person reads them ("Jonas Beispiel"), for the files that name an officer:
 * a record names its officer by user id, and the platform keeps no list of its users, so the service
 * learns each officer's name from the {@code name} claim of the token they sign in with, on each of
 * their requests (written only when it is new or changed). Staff acting in their office, not clients:
 * their names are kept plainly, as the steering group's members' are.
 */
@Component
public class OfficerNames implements HandlerInterceptor, WebMvcConfigurer {

    static final String NAME_CLAIM = "name";

    private final JdbcTemplate jdbc;
    /** The names already stored, by tenant and user: most requests then write nothing. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public OfficerNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Schemas.migrate(jdbc.getDataSource(), "officer-names");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Learns the name of the officer who sends the request, if the token names them. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String name = jwt.getClaimAsString(NAME_CLAIM);
            if (name != null && !name.isBlank() && RequestActorResolver.roles(jwt).contains(Role.IMMIGRATION_OFFICER)) {
                var actor = RequestActorResolver.of(jwt);
                learn(actor.tenant().value(), actor.userId(), name.strip());
            }
        }
        return true;
    }

    void learn(String tenant, String userId, String name) {
        String key = tenant + "\u0000" + userId;
        String shown = name.length() > 200 ? name.substring(0, 200) : name;
        if (shown.equals(known.get(key))) {
            return;
        }
        if (jdbc.update("update kim_officer_name set name = ? where tenant = ? and user_id = ?", shown, tenant, userId) == 0) {
            try {
                jdbc.update("insert into kim_officer_name (tenant, user_id, name) values (?, ?, ?)", tenant, userId, shown);
            } catch (DuplicateKeyException sameMomentElsewhere) {
                jdbc.update("update kim_officer_name set name = ? where tenant = ? and user_id = ?", shown, tenant, userId);
            }
        }
        known.put(key, shown);
    }

    /** The names of the tenant's officers known so far, by user id. */
    Map<String, String> of(String tenant) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select user_id, name from kim_officer_name where tenant = ?",
                row -> {
                    names.put(row.getString(1), row.getString(2));
                }, tenant);
        return names;
    }
}
