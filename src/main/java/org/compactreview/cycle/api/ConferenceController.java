package org.compactreview.cycle.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.compactreview.cycle.Commitment;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.cycle.FollowUpItem;
import org.compactreview.cycle.StakeholderSubmission;
import org.compactreview.identity.CurrentUser;
import org.compactreview.tracking.ConferenceCompilation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Conference",
        description = "The high-level conference (open it with POST /api/v1/cycles, kind HIGH_LEVEL_CONFERENCE; "
                + "regional reviews are reports of the regional bodies): compilation, stakeholder consultation, "
                + "negotiation of the progress declaration, adoption and follow-up items")
class ConferenceController {

    private final ConferenceService conferences;
    private final ConferenceCompilation compilation;

    ConferenceController(ConferenceService conferences, ConferenceCompilation compilation) {
        this.conferences = conferences;
        this.compilation = compilation;
    }

    @GetMapping("/conferences/{id}")
    @Operation(summary = "What the conference recorded: narrative, stakeholder submissions, every declaration draft")
    ConferenceService.ConferenceRecord record(@PathVariable long id) {
        return conferences.record(id);
    }

    @GetMapping("/conferences/{id}/compilation")
    @Operation(
            summary = "Per round table and objective: rating trend across the annual cycles of the period, "
                    + "accepted regional summaries, open capacity-building requests")
    ConferenceCompilation.Compiled compilation(@PathVariable long id) {
        return compilation.compile(id);
    }

    @PostMapping("/conferences/{id}/progress-report")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "The conference is not in COMPILATION (conflict)")
    @Operation(summary = "Complete 'Compile progress report' with the narrative (secretariat)")
    void compile(@PathVariable long id, @Valid @RequestBody Narrative request, CurrentUser user) {
        conferences.compile(id, user, request.narrative());
    }

    @PostMapping("/conferences/{id}/stakeholder-submissions")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "The conference is not in CONSULTATION (conflict)")
    @Operation(summary = "Record a stakeholder submission during the consultation (secretariat)")
    void submission(@PathVariable long id, @Valid @RequestBody Submission request, CurrentUser user) {
        conferences.addSubmission(id, user, request.group(), request.organisation(), request.submission());
    }

    @PostMapping("/conferences/{id}/consultation/close")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "The conference is not in CONSULTATION (conflict)")
    @Operation(summary = "Close the stakeholder consultation (secretariat); negotiation starts")
    void closeConsultation(@PathVariable long id, CurrentUser user) {
        conferences.finishConsultation(id, user);
    }

    @PostMapping("/conferences/{id}/negotiation")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(
            responseCode = "409",
            description = "The conference is not in NEGOTIATION, or agreement without a draft (conflict)")
    @Operation(
            summary = "One negotiation round (managers): a new numbered draft (text), or agree=true on the latest "
                    + "draft")
    void negotiate(@PathVariable long id, @Valid @RequestBody Round request, CurrentUser user) {
        conferences.negotiate(id, user, request.text(), request.agree());
    }

    @PostMapping("/conferences/{id}/adoption")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(
            responseCode = "409",
            description = "The declaration is not agreed yet: the conference is not in ADOPTION (conflict)")
    @Operation(summary = "Adopt the declaration (secretariat): its commitments become follow-up items")
    void adopt(@PathVariable long id, @Valid @RequestBody Adoption request, CurrentUser user) {
        conferences.adopt(id, user, request.commitments());
    }

    @GetMapping("/follow-up-items")
    @Operation(
            summary = "Follow-up items of adopted declarations, for a participant and/or an objective. A focal "
                    + "point lists those addressed to its own participants or to everyone (another participant: "
                    + "an empty list); secretariat, managers and administrators list all")
    List<FollowUpItem> followUpItems(
            CurrentUser user,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) Integer objective) {
        return conferences.followUpItems(user, participant, objective);
    }

    record Narrative(@NotNull @Size(max = 50000) String narrative) {}

    record Submission(
            @NotNull StakeholderSubmission.StakeholderGroup group,
            @Size(max = 200) String organisation,
            @Size(max = 50000) String submission) {}

    record Round(@Size(max = 50000) String text, boolean agree) {}

    record Adoption(@NotNull @Size(max = 200) List<@Valid Commitment> commitments) {}
}
