package org.compactreview.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.compactreview.identity.ApiToken;
import org.compactreview.identity.ApiTokens;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.IssuedToken;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's personal API tokens. Creating and revoking need the password (HTTP Basic)
 * or a session: a token cannot mint or revoke tokens (403), so a leaked token cannot outlive its
 * own expiry.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "Identity", description = "The signed-in user; user administration (administrators)")
class TokenController {

    private static final String NOT_WITH_A_TOKEN = "!hasAuthority('" + ApiTokens.TOKEN_AUTHORITY + "')";

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The signed-in user's API tokens, newest first (never the tokens themselves)")
    List<ApiToken> list(CurrentUser user) {
        return tokens.list(user);
    }

    @PostMapping
    @PreAuthorize(NOT_WITH_A_TOKEN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an API token; the answer's secret is shown this once",
            description = "Use it as `Authorization: Bearer <secret>`. Needs the password or a session.")
    IssuedToken create(CurrentUser user, @Valid @RequestBody NewToken request) {
        return tokens.create(user, request.name(), request.expiresInDays());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(NOT_WITH_A_TOKEN)
    @Operation(summary = "Revoke one of the signed-in user's API tokens; it is refused from the next call on")
    ApiToken revoke(CurrentUser user, @PathVariable long id) {
        return tokens.revoke(user, id);
    }

    record NewToken(
            @NotBlank @Size(max = 100) @Schema(description = "What the token is for", example = "nightly export")
                    String name,
            @Min(1)
                    @Max(366)
                    @Schema(description = "Days until it expires", defaultValue = "90", minimum = "1", maximum = "366")
                    Integer expiresInDays) {}
}
