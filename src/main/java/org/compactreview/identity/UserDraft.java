package org.compactreview.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator sets on a user. Focal points must represent at least one participant. */
public record UserDraft(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "ar|en|es|fr") String locale,
        boolean enabled,
        @NotEmpty Set<Role> roles,
        Set<@NotBlank @Size(max = 16) String> participants) {

    public UserDraft {
        participants = participants == null ? Set.of() : Set.copyOf(participants);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
