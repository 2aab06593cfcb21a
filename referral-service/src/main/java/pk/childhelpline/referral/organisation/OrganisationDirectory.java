package pk.childhelpline.referral.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import pk.childhelpline.referral.events.DestinationRef;
import pk.childhelpline.referral.routing.Codes;

/** Finds the organisation and office that a destination type and office code stand for. */
@ApplicationScoped
public class OrganisationDirectory {

    /** Returns the destination types of the active organisations. */
    public Set<String> destinationTypes() {
        return new TreeSet<>(
                Organisation.<Organisation>list("active", true).stream().map(organisation -> organisation.type).toList());
    }

    /**
     * Resolves a destination: the first active organisation of the type (by id) with that office, else one with a
     * national office, else the first one of the type at its first office. Empty when the type has no organisation.
     */
    public Optional<DestinationRef> resolve(String type, String office) {
        List<Organisation> candidates = Organisation.<Organisation>list("type = ?1 and active = true", type).stream()
                .sorted(Comparator.comparing(organisation -> organisation.id)).toList();
        for (String code : List.of(office, Codes.NATIONAL)) {
            Optional<Organisation> match = candidates.stream().filter(organisation -> organisation.hasOffice(code))
                    .findFirst();
            if (match.isPresent()) {
                return Optional.of(new DestinationRef(type, match.get().id, code));
            }
        }
        return candidates.stream().filter(organisation -> !organisation.offices.isEmpty()).findFirst()
                .map(organisation -> new DestinationRef(type, organisation.id, organisation.offices.get(0).code));
    }

    /** Finds an active organisation with the given office. */
    public Optional<Organisation> findOffice(String organisationId, String office) {
        return Organisation.<Organisation>findByIdOptional(organisationId)
                .filter(organisation -> organisation.active && organisation.hasOffice(office));
    }
}
