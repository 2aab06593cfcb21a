package pk.childhelpline.referral.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import pk.childhelpline.referral.console.ConsoleViews.Option;
import pk.childhelpline.referral.organisation.Organisation;

/** Reference data that the console's filters and transfer form offer. */
@ApplicationScoped
public class ConsoleQueries {

    @Transactional
    public List<String> organisationIds() {
        return Organisation.<Organisation>listAll(Sort.by("id")).stream().map(organisation -> organisation.id).toList();
    }

    /**
     * Lists every office of every active organisation as {@code organisationId/office}, except the referral's
     * current one.
     */
    @Transactional
    public List<Option> transferTargets(String currentOrganisation, String currentOffice, String selected) {
        List<Option> targets = new ArrayList<>();
        for (Organisation organisation : Organisation.<Organisation>list("active = true", Sort.by("id"))) {
            for (Organisation.Office office : organisation.offices) {
                if (organisation.id.equals(currentOrganisation) && office.code.equals(currentOffice)) {
                    continue;
                }
                String value = organisation.id + "/" + office.code;
                targets.add(new Option(value, organisation.name + " · " + office.name, value.equals(selected)));
            }
        }
        return targets;
    }
}
