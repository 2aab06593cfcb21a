package pk.childhelpline.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test a new, empty database on the JVM's own PostgreSQL server. Set the system property
 * or environment variable HELPLINE_TEST_JDBC_URL to use an existing server instead.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String external = System.getenv("HELPLINE_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external);
        }
        LocalPostgres postgres = LocalPostgres.shared();
        String database = postgres.createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM, and each start gets its own database, so there is nothing to undo.
    }
}
