package pk.childhelpline.helpline.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Provinces and districts from the {@code province}, {@code district} and {@code district_alias} tables, held in
 * memory and reloaded every {@code helpline.reference.reload-interval}, so that an administrator's change to the
 * tables takes effect without a restart. Names match case-insensitively, ignoring spaces and punctuation, and through
 * the aliases (former names and other spellings such as Qila/Killa Abdullah or Nawabshah).
 */
@ApplicationScoped
public class DistrictDirectory {

    /** A district in its canonical spelling. */
    public record District(String name, String provinceCode, String provinceName, List<String> aliases) {
    }

    /** A province or territory by its code (PB, SD, KP, BA, IS, GB, AJK). */
    public record Province(String code, String name) {
    }

    private record Snapshot(Map<String, Province> provincesByKey, List<Province> provinces, List<District> districts,
            Map<String, List<District>> districtsByKey) {
    }

    @Inject
    EntityManager entityManager;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), List.of(), Map.of());

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    @Scheduled(every = "${helpline.reference.reload-interval:5m}", delayed = "${helpline.reference.reload-interval:5m}")
    void reload() {
        snapshot = QuarkusTransaction.requiringNew().call(this::load);
        Log.infof("Loaded %d districts of %d provinces", snapshot.districts().size(), snapshot.provinces().size());
    }

    private Snapshot load() {
        List<Province> provinces = entityManager
                .createNativeQuery("SELECT code, name FROM province ORDER BY code", Tuple.class).getResultList().stream()
                .map(row -> new Province(((Tuple) row).get(0, String.class), ((Tuple) row).get(1, String.class))).toList();
        Map<String, Province> provincesByKey = new HashMap<>();
        for (Province province : provinces) {
            provincesByKey.put(key(province.code()), province);
            provincesByKey.put(key(province.name()), province);
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT district_id, alias FROM district_alias", Tuple.class)
                .getResultList()) {
            Tuple tuple = (Tuple) row;
            aliases.computeIfAbsent(tuple.get(0, Long.class), id -> new ArrayList<>()).add(tuple.get(1, String.class));
        }
        List<District> districts = new ArrayList<>();
        Map<String, List<District>> districtsByKey = new LinkedHashMap<>();
        for (Object row : entityManager.createNativeQuery(
                "SELECT id, name, province_code FROM district WHERE active ORDER BY province_code, name", Tuple.class)
                .getResultList()) {
            Tuple tuple = (Tuple) row;
            Province province = provincesByKey.get(key(tuple.get(2, String.class)));
            List<String> names = aliases.getOrDefault(tuple.get(0, Long.class), List.of());
            District district = new District(tuple.get(1, String.class), province.code(), province.name(), names);
            districts.add(district);
            districtsByKey.computeIfAbsent(key(district.name()), k -> new ArrayList<>()).add(district);
            for (String alias : names) {
                List<District> matches = districtsByKey.computeIfAbsent(key(alias), k -> new ArrayList<>());
                if (!matches.contains(district)) {
                    matches.add(district);
                }
            }
        }
        return new Snapshot(provincesByKey, provinces, List.copyOf(districts), districtsByKey);
    }

    public List<Province> provinces() {
        return snapshot.provinces();
    }

    public List<District> districts() {
        return snapshot.districts();
    }

    /** Finds a province by its code or name, ignoring case, spaces and punctuation. */
    public Optional<Province> province(String codeOrName) {
        return codeOrName == null
                ? Optional.empty()
                : Optional.ofNullable(snapshot.provincesByKey().get(key(codeOrName)));
    }

    /** Returns every district that the name or one of its other spellings stands for, in any province. */
    public List<District> districtsNamed(String name) {
        return name == null ? List.of() : snapshot.districtsByKey().getOrDefault(key(name), List.of());
    }

    /**
     * Turns a name into its lookup key: lower case, letters and digits only, with the common transliterations of
     * "Qila/Kila/Qilla" read as "Killa" and "Jafar" as "Jaffar".
     */
    static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return key.replaceFirst("^(qila|qilla|kila)", "killa").replaceFirst("^jafar", "jaffar");
    }
}
