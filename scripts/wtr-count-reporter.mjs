// Prints `wtr: N passed, N failed` once @web/test-runner is done, for scripts/test.mjs and CI logs
// (the runner's own summary is not a plain count).

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        // A skipped test counts as failed: nothing may look green without having run.
        for (const test of suite.tests) {
          if (test.passed && !test.skipped) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results but errors: count it as a failure.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length)
          failed++;
      }
      console.log(`wtr: ${passed} passed, ${failed} failed`);
    },
  };
}
