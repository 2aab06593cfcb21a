package pk.childhelpline.referral.common;

import java.util.List;

/** One page of a list: {@code {"items": [...], "total": N}}, where total counts all matching items. */
public record Page<T>(List<T> items, long total) {

    public static final int MAX_SIZE = 1000;
}
