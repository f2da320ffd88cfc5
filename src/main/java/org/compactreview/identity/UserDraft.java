package org.compactreview.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.compactreview.platform.UiLanguageTag;

/**
 * What an administrator sets on a user. Focal points must represent at least one participant. A
 * user is enabled unless {@code enabled} says false.
 */
public record UserDraft(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @UiLanguageTag
                @Schema(
                        description = "The tag of a UI language (docs/i18n.md lists them);"
                                + " none: as the user's browser asks")
                String locale,
        @Schema(defaultValue = "true", description = "Default true") Boolean enabled,
        @NotEmpty Set<Role> roles,
        Set<@NotBlank @Size(max = 16) String> participants) {

    public UserDraft {
        enabled = enabled == null || enabled;
        participants = participants == null ? Set.of() : Set.copyOf(participants);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
