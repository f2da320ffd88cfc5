package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.compactreview.support.fault.Api;
import org.compactreview.support.fault.AppNode;
import org.compactreview.support.fault.FaultTest;
import org.compactreview.support.fault.ReviewWork;
import org.junit.jupiter.api.Test;

/**
 * The app is killed with SIGKILL halfway through a 193-participant cycle, with eight users at
 * work, and started again: the cycle is finished and nothing acknowledged is lost, nothing is
 * written twice, no job is left stuck.
 */
class CrashRecoveryIT extends FaultTest {

    @Test
    void killedHalfwayTheAppFinishesTheCycleWithNothingLostOrDuplicated() throws Exception {
        AppNode first = node("crash-1").start();
        Api api = new Api(List.of(first));
        ReviewWork work = cycleForAllMemberStates(api, "crash", null);

        // Eight users at work; the process is killed once about half the steps are acknowledged
        // (a report takes three: save, submit, validate).
        int half = work.reports() * 3 / 2;
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            Awaitility.await().atMost(5, TimeUnit.MINUTES).until(() -> work.acknowledged() >= half);
            first.kill();
        });
        work.run(8);
        killer.get(5, TimeUnit.MINUTES);
        assertThat(first.alive()).isFalse();
        assertThat(work.finished()).as("the kill came before the end").isFalse();
        int beforeCrash = work.acknowledged();
        int unanswered = work.failedRequests();

        // Started again on the same database, the same users finish the cycle.
        AppNode second = node("crash-2").start();
        ReviewWork resumed = work.on(new Api(List.of(second)));
        resumed.run(8);
        assertThat(resumed.finished()).isTrue();
        resumed.closeCycle();

        Map<String, Integer> figures = ledger(resumed);
        System.out.printf(
                "crash: SIGKILL after %d acknowledged steps (%d requests failed with it); %d steps in all; %s%n",
                beforeCrash, unanswered, resumed.acknowledged(), figures);
    }
}
