package io.ticketflow.testkit.internal;

import java.util.List;
import java.util.Set;

/**
 * The choices that turn a {@link ProblemTemplate} into one ticket's text. Kept with each generated ticket so that a
 * later rewording can choose differently.
 *
 * @param title index of the title variant
 * @param variants for each fact of the template, the index of the phrasing used
 * @param order the facts told, by index, in the order told; the lead (0) comes first, facts not listed are left out
 * @param opener index of the greeting among the catalogue's openers, or {@value #NONE}
 * @param closer index of the closing line among the catalogue's closers, or {@value #NONE}
 * @param swappedSynonyms numbers of the synonym pairs swapped in the text
 */
public record Phrasing(
        int title, List<Integer> variants, List<Integer> order, int opener, int closer, Set<Integer> swappedSynonyms) {

    /** No greeting or closing line. */
    public static final int NONE = -1;

    public Phrasing {
        variants = List.copyOf(variants);
        order = List.copyOf(order);
        swappedSynonyms = Set.copyOf(swappedSynonyms);
        if (order.isEmpty() || order.getFirst() != 0) {
            throw new IllegalArgumentException("The lead fact must be told first: " + order);
        }
    }
}
