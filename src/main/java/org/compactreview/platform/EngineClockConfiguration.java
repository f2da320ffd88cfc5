package org.compactreview.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the app and the engine: due dates, overdue flags and audit times follow the
 * engine clock, so a test that moves the engine clock moves the whole app with it.
 */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneOffset.UTC);
    }

    private static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
