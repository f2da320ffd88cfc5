package org.compactreview.export;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDF from a Thymeleaf template rendered to XHTML, laid out by openhtmltopdf. The library builds
 * the whole document in memory before writing it, so a PDF is kept to one cycle's or one report's
 * data. Arabic comes out right to left and shaped: ICU's bidi splitter and reorderer (in 1.1.31
 * the reorderer also shapes Arabic letters into their joined forms), {@code dir="rtl"} in the
 * template and a right-to-left default direction. The fonts ship with the app under {@code
 * fonts/} (DejaVu Sans, with Arabic glyphs, then a Noto Sans SC subset for Chinese), so the output
 * does not depend on the machine's fonts.
 */
@Component
public class PdfExport {

    static final String FONT_FAMILY = "DejaVu Sans";

    /**
     * Fallback for the characters DejaVu Sans lacks (Chinese): a subset of Noto Sans CJK SC
     * (GB2312, CJK punctuation, fullwidth forms, the Chinese messages), listed after DejaVu Sans
     * in the templates' {@code font-family}. A character in neither font prints as nothing.
     */
    static final String CJK_FONT_FAMILY = "Noto Sans SC";

    private final ITemplateEngine templates;

    PdfExport(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Renders the template with the variables, in the locale's language and direction. */
    public void write(String template, Map<String, Object> variables, Locale locale, OutputStream out)
            throws IOException {
        Context context = new Context(locale, variables);
        context.setVariable("rtl", ExportTable.rightToLeft(locale));
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("css", stylesheet(template));
        String xhtml = templates.process(template, context);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(ExportTable.rightToLeft(locale) ? TextDirection.RTL : TextDirection.LTR);
        builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> font("NotoSansSC-Regular-subset.ttf"), CJK_FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("NotoSansSC-Bold-subset.ttf"), CJK_FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
        out.flush();
    }

    /**
     * The template's own stylesheet ({@code templates/<template>.css}), inlined: the document is
     * rendered without a base address, and a template holds no literal text (TemplateTextTest).
     */
    private static String stylesheet(String template) throws IOException {
        try (InputStream in = PdfExport.class.getResourceAsStream("/templates/" + template + ".css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PdfExport.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("font missing from the classpath: " + file));
        }
        return in;
    }
}
