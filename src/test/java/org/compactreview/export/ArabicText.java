package org.compactreview.export;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Words of text extracted from a PDF, for comparing Arabic: PDFBox may give the shaped
 * presentation forms (U+FE70-FEFF), which NFKC folds back to the letters typed.
 */
public final class ArabicText {

    private ArabicText() {}

    public static List<String> words(String extracted) {
        String folded = Normalizer.normalize(extracted, Normalizer.Form.NFKC);
        return Arrays.stream(folded.split("[\\s\\p{Punct}،]+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
