package org.compactreview.framework;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which participants a list's search and region filter mean (issue 14: the validation queue and
 * the capacity-building requests are searched by participant name). Like the board's search, case
 * and accents do not matter ("cote" finds Côte d'Ivoire), and a participant's exact code finds it
 * too. The lists' own tables are then asked for these codes: no module reads the framework's tables.
 */
@Component
public class ParticipantSearch {

    private final FrameworkCatalog framework;

    ParticipantSearch(FrameworkCatalog framework) {
        this.framework = framework;
    }

    /** The codes matching both (a blank one does not narrow); null when neither narrows. */
    public Set<String> matching(String search, String region) {
        boolean bySearch = search != null && !search.isBlank();
        boolean byRegion = region != null && !region.isBlank();
        if (!bySearch && !byRegion) {
            return null;
        }
        String wanted = bySearch ? folded(search.trim()) : null;
        return framework.participants().stream()
                .filter(p -> !byRegion || Objects.equals(p.region(), region))
                .filter(p -> wanted == null
                        || folded(p.name()).contains(wanted)
                        || folded(p.code()).equals(wanted))
                .map(Participant::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
