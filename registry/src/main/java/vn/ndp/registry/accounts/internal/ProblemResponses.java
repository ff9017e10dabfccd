package vn.ndp.registry.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.ndp.registry.shared.ErrorCode;

/**
 * The security filters' problem+json, written by {@link vn.ndp.registry.shared.ProblemResponses} as every refusal made
 * before a controller is. Its callers in this package may call that writer directly; this one then goes.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, ErrorCode code, String detail, String instance)
            throws IOException {
        vn.ndp.registry.shared.ProblemResponses.write(response, code, detail, instance);
    }
}
