package org.compactreview.platform;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.springframework.stereotype.Component;

/**
 * No script runs in this engine: script tasks, script listeners and script conditions all fail,
 * whatever a deployed model says. Our models need none, and a script is code an attacker with
 * deployment rights could run.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setScriptingEngines(new NoScriptingEngines());
    }

    static final class NoScriptingEngines extends ScriptingEngines {

        NoScriptingEngines() {
            super(new DefaultScriptEngineResolver(new ScriptEngineManager()));
        }

        @Override
        public ScriptEngine getScriptEngineForLanguage(String language) {
            throw new ProcessEngineException("Scripts are disabled in Compact Review (language: " + language + ")");
        }
    }
}
