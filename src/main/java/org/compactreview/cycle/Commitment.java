package org.compactreview.cycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A commitment of the adopted declaration; no responsible participants means every participant. */
public record Commitment(
        @Min(1) @Max(23) int objective,
        @NotBlank @Size(max = 4000) String text,
        List<@NotBlank @Size(max = 16) String> responsible) {

    public Commitment {
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
    }
}
