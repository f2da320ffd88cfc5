package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workload view's process filter knows every user task of every model in {@code bpmn/}. */
class TaskProcessesTest {

    private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
    private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    @Test
    void everyUserTaskOfEveryModelBelongsToItsProcess() throws Exception {
        Set<String> unmapped = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher process = PROCESS.matcher(xml);
                assertThat(process.find()).as(model.toString()).isTrue();
                Matcher task = USER_TASK.matcher(xml);
                while (task.find()) {
                    boolean mapped = TaskProcesses.taskKeysOf(process.group(1))
                            .map(keys -> keys.contains(task.group(1)))
                            .orElse(false);
                    if (!mapped) {
                        unmapped.add(process.group(1) + " " + task.group(1));
                    }
                }
            }
        }
        assertThat(unmapped).as("user tasks the process filter would miss").isEmpty();
        assertThat(TaskProcesses.taskKeys()).doesNotHaveDuplicates();
    }
}
