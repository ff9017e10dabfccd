package vn.ndp.registry.adoption;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Rows of the plan form as a browser posts them, for the tests that fill the form in. */
final class PlanRows {

    private PlanRows() {
    }

    /** The row of platform {@code code} named in the care of the provincial science department and {@code person}. */
    static RequestPostProcessor responsible(String code, String person) {
        return request -> {
            request.addParameter("department_" + code, "Sở Khoa học và Công nghệ");
            request.addParameter("person_" + code, person);
            return request;
        };
    }
}
