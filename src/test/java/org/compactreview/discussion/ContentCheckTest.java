package org.compactreview.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentCheckTest {

    @Test
    void knowsTheAcceptedTypesByTheirContent() throws Exception {
        assertThat(detect(Files.pdf(100))).contains(AttachmentType.PDF);
        assertThat(detect(Files.png())).contains(AttachmentType.PNG);
        assertThat(detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0}))
                .contains(AttachmentType.JPEG);
        assertThat(detect(Files.docx())).contains(AttachmentType.DOCX);
        assertThat(detect(Files.ods())).contains(AttachmentType.ODS);
    }

    @Test
    void refusesProgramsPagesMacrosAndOtherArchives() throws Exception {
        assertThat(detect(Files.html())).isEmpty();
        assertThat(detect(Files.exe())).isEmpty();
        assertThat(detect(Files.docm())).isEmpty();
        assertThat(detect(Files.plainZip())).isEmpty();
        assertThat(detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
    }

    @Test
    void filenamesKeepTheirLastSegmentAndLoseWhatIsUnsafe() {
        assertThat(DiscussionRules.filename("C:\\Users\\a\\..\\report \"final\".pdf", AttachmentType.PDF))
                .isEqualTo("report final.pdf");
        assertThat(DiscussionRules.filename("../../etc/passwd.pdf", AttachmentType.PDF))
                .isEqualTo("passwd.pdf");
        assertThat(DiscussionRules.filename("..pdf", AttachmentType.PDF)).isEqualTo("pdf.pdf");
        assertThat(DiscussionRules.filename("تقرير\u0000\u202e.pdf", AttachmentType.PDF))
                .isEqualTo("تقرير.pdf");
        assertThat(DiscussionRules.filename("x".repeat(400) + ".docx", AttachmentType.DOCX))
                .hasSize(DiscussionRules.MAX_FILENAME)
                .endsWith(".docx");
    }

    private static Optional<AttachmentType> detect(byte[] content) throws Exception {
        return ContentCheck.detect(new ByteArrayInputStream(content));
    }
}
