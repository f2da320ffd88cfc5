package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is out of reach" (503) and which do not. */
class DatabaseUnavailableTest {

    @Test
    void aLostConnectionIsRecognisedHoweverDeeplyItIsWrapped() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseUnavailable.causedBy(
                        new ProcessEngineException("ENGINE-03004", new PersistenceException(terminated))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Connection refused", "08001")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new InternalAuthenticationServiceException(
                        "user lookup", new CannotGetJdbcConnectionException("pool"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException(
                        "no connection", new SQLTransientConnectionException("timeout"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotMistakenForAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    }
}
