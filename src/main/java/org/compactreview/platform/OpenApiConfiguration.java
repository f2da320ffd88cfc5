package org.compactreview.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}; every call needs HTTP Basic. (The signed-in
 * user that controllers take as a parameter is kept out of the description by the identity
 * module, which owns that type.) The error
 * answers of each operation are documented by {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI compactReviewApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Compact Review API")
                        .version("v1")
                        .description("Follow-up and review cycles of the Global Compact for Migration. "
                                + "Errors are RFC 7807 problem documents (application/problem+json) with a "
                                + "stable type; a focal point gets 404 for anything outside its participants.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas(ProblemResponses.PROBLEM_SCHEMA, ProblemResponses.problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    RequiredPrimitives requiredPrimitives() {
        return new RequiredPrimitives();
    }
}
