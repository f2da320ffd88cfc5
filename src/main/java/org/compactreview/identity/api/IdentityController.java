package org.compactreview.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "The signed-in user; user administration (administrators)")
class IdentityController {

    private final UserDirectory directory;

    IdentityController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, its roles, represented participants and candidate groups")
    Me me(CurrentUser user) {
        AppUser stored = directory.find(user.username()).orElseThrow(() -> new NotFoundException("user", "me"));
        return new Me(stored, user.candidateGroups());
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Users, by username (administrators)")
    Page<AppUser> users(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return directory.list(new PageRequest(page, size));
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "The username is taken (conflict)")
    @Operation(summary = "Create a user (administrators); passwords need 12 to 72 characters")
    AppUser create(@Valid @RequestBody NewUser request) {
        return directory.create(request.username(), request.password(), request.user());
    }

    @PutMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a user's name, e-mail, roles, participants or enabled flag (administrators)")
    AppUser update(@PathVariable String username, @Valid @RequestBody UserDraft request) {
        return directory.update(username, request);
    }

    @PostMapping("/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset a user's password (administrators)")
    void resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword request) {
        directory.resetPassword(username, request.password());
    }

    record Me(AppUser user, java.util.Set<String> candidateGroups) {}

    record NewUser(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String username,
            @NotBlank
                    @Schema(
                            minLength = UserDirectory.MIN_PASSWORD_LENGTH,
                            maxLength = UserDirectory.MAX_PASSWORD_LENGTH)
                    String password,
            @NotNull @Valid UserDraft user) {}

    record NewPassword(
            @NotBlank
                    @Schema(
                            minLength = UserDirectory.MIN_PASSWORD_LENGTH,
                            maxLength = UserDirectory.MAX_PASSWORD_LENGTH)
                    String password) {}
}
