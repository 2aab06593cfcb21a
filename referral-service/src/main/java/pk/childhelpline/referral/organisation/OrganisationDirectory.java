package pk.childhelpline.referral.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import pk.childhelpline.referral.events.DestinationRef;
import pk.childhelpline.referral.routing.Codes;

/** Finds the organisation and office for a destination type and office code. */
@ApplicationScoped
public class OrganisationDirectory {

    /** Returns the destination types of the active organisations. */
    public Set<String> destinationTypes() {
        return new TreeSet<>(Organisation.getEntityManager()
                .createQuery("select distinct o.type from Organisation o where o.active = true", String.class)
                .getResultList());
    }

    /**
     * Resolves a destination: the first active organisation of the type (by id) with that office, else one with a
     * national office, else the first one of the type at its first office. Empty when the type has no organisation.
     */
    public Optional<DestinationRef> resolve(String type, String office) {
        for (String code : List.of(office, Codes.NATIONAL)) {
            Optional<String> organisationId = Organisation.getEntityManager().createQuery("""
                    select o.id from Organisation o join o.offices f
                    where o.type = ?1 and o.active = true and f.code = ?2 order by o.id""", String.class)
                    .setParameter(1, type).setParameter(2, code).setMaxResults(1).getResultStream().findFirst();
            if (organisationId.isPresent()) {
                return Optional.of(new DestinationRef(type, organisationId.get(), code));
            }
        }
        return Organisation.getEntityManager().createQuery("""
                select o.id, f.code from Organisation o join o.offices f
                where o.type = ?1 and o.active = true order by o.id, f.code""", Object[].class)
                .setParameter(1, type).setMaxResults(1).getResultStream().findFirst()
                .map(row -> new DestinationRef(type, (String) row[0], (String) row[1]));
    }

    /** Finds an active organisation with the given office. */
    public Optional<Organisation> findOffice(String organisationId, String office) {
        return Organisation.<Organisation>findByIdOptional(organisationId)
                .filter(organisation -> organisation.active && organisation.hasOffice(office));
    }
}
