package pk.childhelpline.helpline.reference;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.ProblemException;

/**
 * The taxonomy and the district list that report forms are built from. Open to everyone, because the public web form
 * needs them and they hold no personal data.
 */
@Path("/api/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceResource {

    /** A concern code with its group and UNCRC articles. */
    public record ConcernView(String code, String group, String groupLabel, List<ArticleView> articles) {
    }

    /** A UNCRC article number with its short title. */
    public record ArticleView(int article, String title) {
    }

    @Inject
    DistrictDirectory directory;

    @GET
    @Path("/concerns")
    @PermitAll
    @Operation(summary = "List the concern codes with their group and UNCRC articles")
    public Page<ConcernView> concerns() {
        List<ConcernView> items = Arrays.stream(Concern.values())
                .map(concern -> new ConcernView(concern.name(), concern.group().name(), concern.group().label(),
                        concern.articles().stream().map(a -> new ArticleView(a, UncrcArticles.title(a))).toList()))
                .toList();
        return new Page<>(items, items.size());
    }

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "List the districts in their canonical spelling, optionally of one province (code or name)")
    public Page<DistrictDirectory.District> districts(@QueryParam("province") String province) {
        if (province == null || province.isBlank()) {
            return new Page<>(directory.districts(), directory.districts().size());
        }
        DistrictDirectory.Province match = directory.province(province)
                .orElseThrow(() -> ProblemException.invalid("province",
                        "must be one of " + directory.provinces().stream().map(DistrictDirectory.Province::code).toList()));
        List<DistrictDirectory.District> items = directory.districts().stream()
                .filter(district -> district.provinceCode().equals(match.code())).toList();
        return new Page<>(items, items.size());
    }
}
