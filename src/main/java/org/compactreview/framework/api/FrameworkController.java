package org.compactreview.framework.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Objective;
import org.compactreview.framework.Participant;
import org.compactreview.framework.ParticipantKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Framework", description = "Objectives and participants of the framework under review")
class FrameworkController {

    private final FrameworkCatalog catalog;

    FrameworkController(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/objectives")
    @Operation(
            summary = "The 23 objectives with their official titles and SDG target links",
            description = "Titles and short titles in the UN language of Accept-Language (English by default).")
    List<Objective> objectives() {
        return catalog.objectives();
    }

    @GetMapping("/participants")
    @Operation(
            summary = "Member states and regional bodies, optionally filtered by kind and region",
            description = "Names in the UN language of Accept-Language (English by default): the UN's official"
                    + " short names, as on the pages.")
    List<Participant> participants(
            @RequestParam(required = false) ParticipantKind kind, @RequestParam(required = false) String region) {
        return catalog.participants().stream()
                .filter(p -> kind == null || p.kind() == kind)
                .filter(p -> region == null || region.equalsIgnoreCase(p.region()))
                .toList();
    }
}
