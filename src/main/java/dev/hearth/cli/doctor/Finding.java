package dev.hearth.cli.doctor;

/** One line of the doctor's report: what was checked, how it went, and (for a problem) what to do. */
public record Finding(String check, Verdict verdict, String detail, String fix) {

    public enum Verdict {
        OK("ok"),
        PROBLEM("PROBLEM"),
        SKIPPED("skipped");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Finding ok(String check, String detail) {
        return new Finding(check, Verdict.OK, detail, "");
    }

    public static Finding problem(String check, String detail, String fix) {
        return new Finding(check, Verdict.PROBLEM, detail, fix);
    }

    /** Nothing to check (no Docker endpoint configured, say): not a problem. */
    public static Finding skipped(String check, String detail) {
        return new Finding(check, Verdict.SKIPPED, detail, "");
    }
}
