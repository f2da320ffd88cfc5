package org.compactreview.identity;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The signed-in user that controllers take as a {@link CurrentUser} parameter comes from the
 * request's authentication, never from the caller, so it is not a parameter of any operation in
 * the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserApiDocs {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }
}
