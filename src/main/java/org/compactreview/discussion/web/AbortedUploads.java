package org.compactreview.discussion.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An upload refused while its parts are read (a file above the limit) is read to its end and
 * thrown away, up to {@code server.tomcat.max-swallow-size}, instead of the connection being cut
 * under the sender: the sender then reads the 413 answer instead of a broken connection. Nothing
 * of it is kept.
 */
@Component
class AbortedUploads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
    }
}
