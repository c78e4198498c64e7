package kg.launcher;

import java.util.HashMap;
import java.util.Map;

/** Parses "--name=value" and "--name value" arguments. */
final class Args {
    private Args() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                Launcher.fail("unexpected argument " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                out.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                out.put(a.substring(2), args[++i]);
            } else {
                Launcher.fail("argument " + a + " needs a value");
            }
        }
        return out;
    }
}
