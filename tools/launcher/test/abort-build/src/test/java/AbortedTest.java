import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs until it is killed, with a child process of its own, like a test that starts the services as processes. */
class AbortedTest {
    @Test
    void runsUntilAborted() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").inheritIO().start();
        System.out.println("abort-build: child " + child.pid() + " started");
        child.waitFor(600, TimeUnit.SECONDS);
    }
}
