package vn.ndp.registry.overlap.internal;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.ndp.registry.overlap.OverlapSettings;

/**
 * {@code ./ndp eval overlap}: runs the labelled evaluation with the configured
 * cut-offs, prints the figures and the failing cases, and exits with 1 when
 * the goals are not met.
 */
@Component
@ConditionalOnProperty(name = "ndp.command", havingValue = "eval-overlap")
class EvaluationCommand implements ApplicationRunner, ExitCodeGenerator {

    private final OverlapSettings settings;
    private final PrintStream out = System.out;
    private int exitCode;

    EvaluationCommand(OverlapSettings settings) {
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        Evaluation.Result result = Evaluation.standard().run(settings);
        Evaluation.print(result, settings, out);
        exitCode = result.all().meetsGoals() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
