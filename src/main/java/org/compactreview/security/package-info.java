/**
 * Spring Security: form sign-in for pages (and OpenID Connect single sign-on when configured),
 * HTTP Basic for the API, Camunda's webapps and engine REST for administrators only, and the
 * bridge that lets Camunda see the signed-in user.
 */
package org.compactreview.security;
