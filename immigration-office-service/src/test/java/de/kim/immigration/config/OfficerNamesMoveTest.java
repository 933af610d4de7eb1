package de.kim.immigration.config;

import de.kim.platform.domain.Role;
import de.kim.platform.web.StaffNames;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation whose officers' names were learned into {@code kim_officer_name} keeps them: at the
 * next start they move into {@link StaffNames}' table, can be chosen, and the old table is gone.
 */
class OfficerNamesMoveTest {

    @Test
    void the_names_learned_before_move_into_the_staff_names_and_can_be_chosen() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:officer-names-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("create table kim_officer_name (tenant varchar(64) not null, user_id varchar(64) not null,"
                + " name varchar(200) not null, primary key (tenant, user_id))");
        jdbc.update("insert into kim_officer_name values ('kreis-mettmann', 'abh-jonas', 'Jonas Beispiel')");

        StaffNames names = new ImmigrationOfficeAccess().officerNames(jdbc, Clock.systemUTC());

        assertThat(names.of("kreis-mettmann")).containsEntry("abh-jonas", "Jonas Beispiel");
        assertThat(names.page("kreis-mettmann", null, null, null).items())
                .containsExactly(new StaffNames.Member("abh-jonas", "Jonas Beispiel",
                        java.util.EnumSet.of(Role.IMMIGRATION_OFFICER)));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
                + " where lower(table_name) = 'kim_officer_name'", Long.class)).isZero();
    }
}
