package org.compactreview.export;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Compares Arabic text extracted from a PDF with the text typed. PDFBox gives the shaped
 * presentation forms (U+FB50-FEFF) that NFKC folds back to the letters typed; shaping may add a
 * tatweel before a vowel mark, and the extraction loses some spaces between runs. So both sides
 * are folded (NFKC, no tatweel, no vowel marks) and each word typed must be found in the text.
 */
public final class ArabicText {

    private ArabicText() {}

    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\u0640\\u064B-\\u065F\\u0670]", "");
    }

    /** The words of {@code typed} that the extracted text lacks: none when it came out whole. */
    public static List<String> missingWords(String extracted, String typed) {
        String folded = fold(extracted);
        return Arrays.stream(fold(typed).split("[\\s\\p{Punct}،]+"))
                .filter(word -> !word.isEmpty())
                .filter(word -> !folded.contains(word))
                .toList();
    }
}
