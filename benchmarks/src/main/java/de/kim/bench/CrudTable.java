package de.kim.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one table of the CRUD comparison: a case as a row, with the client's data in columns, as
 * a team without event sourcing would store it. {@link CrudService} and {@link RawInsert} write
 * the same rows into the same kind of database as the services' event stores.
 */
final class CrudTable {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS crud_case (
              id VARCHAR(36) PRIMARY KEY,
              tenant VARCHAR(64) NOT NULL,
              given_name VARCHAR(100) NOT NULL,
              family_name VARCHAR(100) NOT NULL,
              date_of_birth DATE NOT NULL,
              nationality CHAR(3) NOT NULL,
              languages VARCHAR(200),
              town VARCHAR(100) NOT NULL,
              phone VARCHAR(40),
              email VARCHAR(200),
              address VARCHAR(300),
              target_group VARCHAR(32) NOT NULL,
              access_route VARCHAR(32) NOT NULL,
              assignee VARCHAR(64) NOT NULL,
              status VARCHAR(16) NOT NULL,
              opened_on DATE NOT NULL,
              created_at TIMESTAMP NOT NULL,
              version INT NOT NULL)""";
    /** The list "open cases of a town", which every case management front end has. */
    static final String INDEX = "CREATE INDEX IF NOT EXISTS crud_case_tenant_town ON crud_case (tenant, town, status)";
    static final String INSERT = """
            INSERT INTO crud_case (id, tenant, given_name, family_name, date_of_birth, nationality, languages, town,
              phone, email, address, target_group, access_route, assignee, status, opened_on, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private CrudTable() {
    }

    /** The embedded default's settings: an H2 file written through on every commit, as the event stores are. */
    static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("crud") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
            statement.execute(INDEX);
        }
    }
}
