package pk.childhelpline.helpline.reference;

import java.util.Map;

/** Short titles of the UN Convention on the Rights of the Child articles that concern codes refer to. */
public final class UncrcArticles {

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(7, "Birth registration, name and nationality"),
            Map.entry(9, "Separation from parents"),
            Map.entry(10, "Family reunification"),
            Map.entry(11, "Illicit transfer and non-return"),
            Map.entry(16, "Privacy, family, honour and reputation"),
            Map.entry(18, "Parental responsibilities"),
            Map.entry(19, "Protection from violence, abuse and neglect"),
            Map.entry(20, "Children without a family environment"),
            Map.entry(24, "Health and harmful traditional practices"),
            Map.entry(25, "Review of placement"),
            Map.entry(28, "Education and school discipline"),
            Map.entry(32, "Child labour"),
            Map.entry(34, "Sexual exploitation"),
            Map.entry(35, "Sale, trafficking and abduction"),
            Map.entry(36, "Other forms of exploitation"),
            Map.entry(37, "Torture and deprivation of liberty"),
            Map.entry(38, "Armed conflict"),
            Map.entry(40, "Juvenile justice"));

    private UncrcArticles() {
    }

    public static String title(int article) {
        return TITLES.get(article);
    }
}
