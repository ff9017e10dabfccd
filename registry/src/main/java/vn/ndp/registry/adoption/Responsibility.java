package vn.ndp.registry.adoption;

/**
 * "Rõ người, rõ việc" (Decision 186/QĐ-BTTTT): the provincial department that
 * follows a platform and the person to call.
 */
public record Responsibility(String department, String person, String title, String phone, String email) {

    public static final Responsibility NONE = new Responsibility(null, null, null, null, null);

    public boolean isEmpty() {
        return department == null && person == null && title == null && phone == null && email == null;
    }
}
