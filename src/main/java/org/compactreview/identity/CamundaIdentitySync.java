package org.compactreview.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mirrors a user and its candidate groups into Camunda's identity tables in the caller's
 * transaction. Camunda never authenticates these users itself (the Spring sign-in is bridged into
 * the webapps), so they carry no password there.
 */
@Component
class CamundaIdentitySync {

    private final IdentityService identity;

    CamundaIdentitySync(IdentityService identity) {
        this.identity = identity;
    }

    void save(AppUser user) {
        User camundaUser = identity.createUserQuery().userId(user.username()).singleResult();
        if (camundaUser == null) {
            camundaUser = identity.newUser(user.username());
        }
        camundaUser.setFirstName(user.displayName());
        camundaUser.setLastName("");
        camundaUser.setEmail(user.email());
        identity.saveUser(camundaUser);

        Set<String> wanted = user.enabled() ? user.asCurrentUser().candidateGroups() : Set.of();
        List<Group> current =
                identity.createGroupQuery().groupMember(user.username()).list();
        for (Group group : current) {
            if (!wanted.contains(group.getId())) {
                identity.deleteMembership(user.username(), group.getId());
            }
        }
        Set<String> currentIds = current.stream().map(Group::getId).collect(java.util.stream.Collectors.toSet());
        for (String groupId : wanted) {
            if (!currentIds.contains(groupId)) {
                ensureGroup(groupId);
                identity.createMembership(user.username(), groupId);
            }
        }
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
