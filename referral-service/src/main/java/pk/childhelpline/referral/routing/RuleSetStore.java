package pk.childhelpline.referral.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Stores the versions of the routing rules in PostgreSQL. Saving never overwrites: it adds the next version, so that
 * each referral can name the version that routed it. The rules shipped with the service become version 1 when the
 * table is empty.
 */
@ApplicationScoped
public class RuleSetStore {

    static final String DEFAULT_RULES = "/routing/default-rules.json";

    private static final TypeReference<List<RoutingRule>> RULE_LIST = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes StartupEvent event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO routing_rule_set (version, rules, saved_at, saved_by)
                SELECT 1, CAST(?1 AS jsonb), ?2, 'system' WHERE NOT EXISTS (SELECT 1 FROM routing_rule_set)
                ON CONFLICT (version) DO NOTHING""").setParameter(1, write(loadDefaults(mapper)))
                .setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        if (inserted > 0) {
            Log.info("Saved the default routing rules as version 1");
        }
    }

    /** The last rule set read, reused while its version is still the highest. */
    private volatile RuleSet cached;

    /** Returns the rules in force: the highest saved version. */
    @Transactional
    public RuleSet current() {
        int version = ((Number) entityManager.createNativeQuery("SELECT MAX(version) FROM routing_rule_set")
                .getSingleResult()).intValue();
        RuleSet last = cached;
        if (last != null && last.version() == version) {
            return last;
        }
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT version, CAST(rules AS text), saved_at, saved_by FROM routing_rule_set ORDER BY version DESC LIMIT 1")
                .getSingleResult();
        cached = toRuleSet(row);
        return cached;
    }

    /**
     * Saves {@code rules} as the next version. Returns empty when {@code expectedVersion} is given and is not the
     * version in force, or when another save took the same version first.
     */
    @Transactional
    public java.util.Optional<RuleSet> save(List<RoutingRule> rules, String savedBy, Integer expectedVersion) {
        int current = ((Number) entityManager.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM routing_rule_set")
                .getSingleResult()).intValue();
        if (expectedVersion != null && expectedVersion != current) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO routing_rule_set (version, rules, saved_at, saved_by) VALUES (?1, CAST(?2 AS jsonb), ?3, ?4)
                ON CONFLICT (version) DO NOTHING""").setParameter(1, current + 1).setParameter(2, write(rules))
                .setParameter(3, Timestamp.from(now)).setParameter(4, savedBy).executeUpdate();
        if (inserted == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RuleSet(current + 1, now, savedBy, rules));
    }

    /** Reads the rules shipped with the service. */
    public static List<RoutingRule> loadDefaults(ObjectMapper mapper) {
        try (InputStream in = RuleSetStore.class.getResourceAsStream(DEFAULT_RULES)) {
            return mapper.readValue(in, RULE_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("The default routing rules cannot be read", e);
        }
    }

    private RuleSet toRuleSet(Object[] row) {
        try {
            Instant savedAt = row[2] instanceof Instant instant
                    ? instant
                    : row[2] instanceof OffsetDateTime time ? time.toInstant() : ((Timestamp) row[2]).toInstant();
            return new RuleSet(((Number) row[0]).intValue(), savedAt, (String) row[3],
                    mapper.readValue((String) row[1], RULE_LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored routing rules of version " + row[0] + " cannot be read", e);
        }
    }

    private String write(List<RoutingRule> rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Routing rules cannot be written as JSON", e);
        }
    }
}
