package org.compactreview.identity;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the demo users of the default run (embedded database only) and, on a real deployment,
 * the first administrator named by configuration. Both are idempotent across restarts.
 */
@Component
class InitialUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);
    static final String DEMO_PASSWORD = "demo";

    private final UserDirectory directory;
    private final InitialUsersProperties properties;
    private final Environment environment;

    InitialUsers(UserDirectory directory, InitialUsersProperties properties, Environment environment) {
        this.directory = directory;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoUsersWanted()) {
            createDemoUsers();
        }
        if (StringUtils.hasText(properties.adminUsername()) && !directory.anyAdministrator()) {
            directory.ensureExists(
                    properties.adminUsername(),
                    properties.adminPassword(),
                    new UserDraft("Administrator", null, "en", true, Set.of(Role.ADMIN), Set.of()));
            log.info("Created the first administrator '{}'", properties.adminUsername());
        }
    }

    /** Demo users by default only on the embedded database; configuration can say otherwise. */
    private boolean demoUsersWanted() {
        if (properties.demoUsers() != null) {
            return properties.demoUsers();
        }
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    private void createDemoUsers() {
        demo("secretariat", "Secretariat officer", Set.of(Role.SECRETARIAT), Set.of());
        demo("manager", "Programme manager", Set.of(Role.MANAGER), Set.of());
        demo("admin", "Administrator", Set.of(Role.ADMIN), Set.of());
        demo("fp-egy", "Focal point, Egypt", Set.of(Role.FOCAL_POINT), Set.of("EGY"));
        demo("fp-jor", "Focal point, Jordan", Set.of(Role.FOCAL_POINT), Set.of("JOR"));
        demo("fp-mar", "Focal point, Morocco", Set.of(Role.FOCAL_POINT), Set.of("MAR"));
        demo(
                "fp-arcp",
                "Regional focal point, Arab Regional Consultative Process",
                Set.of(Role.FOCAL_POINT),
                Set.of("ARCP"));
        // A colleague in another Egyptian ministry, to whom Egypt's focal point can delegate sections.
        demo("contrib-egy", "Contributor, Egypt (Ministry of Labour)", Set.of(Role.CONTRIBUTOR), Set.of("EGY"));
        log.info("Demo users are ready (password '{}'): see README.md", DEMO_PASSWORD);
    }

    private void demo(String username, String name, Set<Role> roles, Set<String> participants) {
        directory.ensureExists(
                username,
                DEMO_PASSWORD,
                new UserDraft(name, username + "@demo.invalid", null, true, roles, participants));
    }
}
